using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.EndToEnd.Tests;

/// <summary>Records each attempt the client sends: its send time on the fake clock and the status it got.</summary>
internal sealed class AttemptLog(TimeProvider clock, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<(DateTimeOffset At, int Status)> _attempts = new();

    public IReadOnlyList<(DateTimeOffset At, int Status)> All => _attempts.OrderBy(a => a.At).ToArray();

    /// <summary>Attempts sent in [from, to), and how many of them got a 429.</summary>
    public (int Sent, int Ok, int RateLimited) Between(DateTimeOffset from, DateTimeOffset to)
    {
        var slice = _attempts.Where(a => a.At >= from && a.At < to).ToArray();
        return (slice.Length, slice.Count(a => a.Status is >= 200 and < 300), slice.Count(a => a.Status == 429));
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _attempts.Enqueue((at, (int)response.StatusCode));
        return response;
    }
}
