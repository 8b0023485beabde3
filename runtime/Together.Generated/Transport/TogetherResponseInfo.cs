namespace Together.Generated;

/// <summary>What a successful call's response said besides its body.</summary>
/// <param name="Endpoint">The endpoint's name, as on <see cref="EndpointDescriptor.Name"/>.</param>
/// <param name="StatusCode">The final HTTP status (2xx).</param>
/// <param name="RequestId">The server's <c>x-request-id</c>, for support requests; null when absent.</param>
/// <param name="Attempts">How many attempts the call took (1 without retries).</param>
/// <param name="RateLimits">The rate-limit headers of the response.</param>
/// <param name="Model">
/// The model the answered request named: the caller's, or a fallback model from the limits file when the caller's
/// was overloaded; null when the request names no model.
/// </param>
/// <param name="FellBack">Whether <paramref name="Model"/> is a fallback rather than the caller's model.</param>
public sealed record TogetherResponseInfo(
    string Endpoint,
    int StatusCode,
    string? RequestId,
    int Attempts,
    RateLimitHeaders RateLimits,
    string? Model = null,
    bool FellBack = false);
