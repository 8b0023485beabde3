namespace Together.Generated;

/// <summary>One request of a batch: its id, unique within the batch, and its body.</summary>
/// <typeparam name="TRequest">The request type, e.g. a chat completion request.</typeparam>
/// <param name="CustomId">The id the result comes back under.</param>
/// <param name="Body">The request body, as the endpoint takes it.</param>
public sealed record BatchItem<TRequest>(string CustomId, TRequest Body);

/// <summary>The result of one request of a batch.</summary>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <param name="CustomId">The request's id.</param>
/// <param name="StatusCode">The HTTP status the request got inside the batch; 0 when the line gave none.</param>
/// <param name="Response">The typed response, for a 2xx result.</param>
/// <param name="Error">The error text, for a failed request.</param>
public sealed record BatchItemResult<TResponse>(string CustomId, int StatusCode, TResponse? Response, string? Error)
{
    /// <summary>Whether the request succeeded.</summary>
    public bool Succeeded => Error is null && Response is not null;
}
