using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>An in-process server: answers each request with the next response, recording what it got.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script =
        new();

    private readonly FakeTimeProvider? _clock;

    public FakeHandler(FakeTimeProvider? clock = null) => _clock = clock;

    public List<RecordedRequest> Requests { get; } = new();

    public int Hits => Requests.Count;

    public FakeHandler Respond(
        HttpStatusCode status,
        string? body = null,
        string mediaType = "application/json",
        params (string Name, string Value)[] headers)
    {
        return Respond((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, mediaType);
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });
    }

    public FakeHandler Respond(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    /// <summary>Never answers; the attempt ends only when its token is cancelled.</summary>
    public FakeHandler Hang() =>
        Respond(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });

    public FakeHandler Throw(Exception exception) =>
        Respond((_, _) => Task.FromException<HttpResponseMessage>(exception));

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(
                    h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
                body,
                _clock?.GetUtcNow() ?? DateTimeOffset.MinValue));
        }

        if (!_script.TryDequeue(out var responder))
        {
            throw new InvalidOperationException($"Unscripted request {request.Method} {request.RequestUri}.");
        }

        var response = await responder(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>What the fake server received.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
