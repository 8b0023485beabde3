using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// One attempt's response together with the limiter permits it holds. Whoever ends up owning it (the retry loop
/// discarding it, a reader, a stream, a <see cref="BinaryResponse"/>) disposes it, which releases both.
/// </summary>
internal sealed class AttemptResult : IDisposable, IAsyncDisposable
{
    private readonly HttpRequestMessage _request;
    private readonly LeaseBundle _leases;

    public AttemptResult(
        HttpResponseMessage response, HttpRequestMessage request, LeaseBundle leases, TimeSpan? waitHint,
        RateLimitHeaders rateLimits)
    {
        RateLimits = rateLimits;
        Response = response;
        _request = request;
        _leases = leases;
        WaitHint = waitHint;
    }

    public HttpResponseMessage Response { get; }

    public int StatusCode => (int)Response.StatusCode;

    /// <summary>The response's rate-limit figures, read once when it arrived.</summary>
    public RateLimitHeaders RateLimits { get; }

    /// <summary>The wait the server asked for, read once when the response arrived.</summary>
    public TimeSpan? WaitHint { get; }

    /// <summary>
    /// Settles the attempt's token reservations against what <paramref name="usage"/> reports; nothing happens when
    /// it reports no usage (the estimate then stands as charged).
    /// </summary>
    public void SettleTokens(object? usage)
    {
        if (usage is ITokenUsage { TotalTokens: { } used })
        {
            _leases.Settle(used);
        }
    }

    public void Dispose()
    {
        Response.Dispose();

        // The request (and its body, e.g. an upload's file stream) is kept until now: HTTP/2 may still be sending it.
        _request.Dispose();
        _leases.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
