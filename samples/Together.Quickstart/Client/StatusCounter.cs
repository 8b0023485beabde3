using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Quickstart;

/// <summary>
/// Sits under the client's <see cref="HttpClient"/> and counts what the server answered to every attempt, retries
/// included: the client retries 429s and 503s itself, so the caller never sees the ones it recovered from.
/// </summary>
public sealed class StatusCounter : DelegatingHandler
{
    private int _attempts;
    private int _rateLimited;
    private int _overloaded;

    /// <summary>Counts the responses of <paramref name="inner"/>.</summary>
    public StatusCounter(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Requests sent, retries included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>429 answers met.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>503 answers met.</summary>
    public int Overloaded => Volatile.Read(ref _overloaded);

    /// <summary>Zeroes the counters, so that a load run counts only its own calls.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _attempts, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _overloaded, 0);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _rateLimited);
        }
        else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Interlocked.Increment(ref _overloaded);
        }

        return response;
    }
}
