using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// An in-process server that enforces a strict sliding one-second window on the fake clock, as Together does: a
/// request is refused with 429 (and <c>x-ratelimit-reset</c>) when the window (now - 1 s, now] already holds the
/// limit's worth of accepted requests. Refused requests do not count.
/// </summary>
internal sealed class WindowServer : HttpMessageHandler
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock;
    private readonly int _limit;
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly List<DateTimeOffset> _accepted = new();

    public WindowServer(FakeTimeProvider clock, int limit)
    {
        _clock = clock;
        _limit = limit;
    }

    public int Refused { get; private set; }

    public int Received { get; private set; }

    /// <summary>The times of the accepted requests, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Accepted
    {
        get
        {
            lock (_window)
            {
                return _accepted.ToArray();
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
    {
        var now = _clock.GetUtcNow();
        lock (_window)
        {
            Received++;
            while (_window.Count > 0 && _window.Peek() <= now - Window)
            {
                _window.Dequeue();
            }

            if (_window.Count >= _limit)
            {
                Refused++;
                var reset = (_window.Peek() + Window - now).TotalSeconds;
                var refusal = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                {
                    Content = new StringContent(
                        """{"error":{"message":"Rate limited","type":"dynamic_request_limited"}}""",
                        Encoding.UTF8,
                        "application/json"),
                };
                refusal.Headers.Add("x-ratelimit-reset", reset.ToString("0.###", CultureInfo.InvariantCulture));
                return Task.FromResult(refusal);
            }

            _window.Enqueue(now);
            _accepted.Add(now);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":"t1","text":"ok"}""", Encoding.UTF8, "application/json"),
        });
    }
}
