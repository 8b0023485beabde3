namespace Together.Generated;

/// <summary>What a successful call's response said besides its body.</summary>
/// <param name="Endpoint">The endpoint's name, as on <see cref="EndpointDescriptor.Name"/>.</param>
/// <param name="StatusCode">The final HTTP status (2xx).</param>
/// <param name="RequestId">The server's <c>x-request-id</c>, for support requests; null when absent.</param>
/// <param name="Attempts">How many attempts the call took (1 without retries).</param>
/// <param name="RateLimits">The rate-limit headers of the response.</param>
public sealed record TogetherResponseInfo(
    string Endpoint, int StatusCode, string? RequestId, int Attempts, RateLimitHeaders RateLimits);
