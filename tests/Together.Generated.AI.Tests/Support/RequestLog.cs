using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.AI.Tests;

/// <summary>Records each attempt's fake send time, JSON body and status, so tests see what the adapters sent.</summary>
internal sealed class RequestLog(TimeProvider clock, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<(DateTimeOffset At, JsonElement Body, int Status)> _attempts = new();

    public IReadOnlyList<(DateTimeOffset At, JsonElement Body, int Status)> All =>
        _attempts.OrderBy(a => a.At).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var body = request.Content is null
            ? default
            : JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
                .RootElement.Clone();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _attempts.Enqueue((at, body, (int)response.StatusCode));
        return response;
    }
}
