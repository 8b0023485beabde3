using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// An in-process HTTP handler answering each request with the next scripted response, recording requests.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = new();

    public ScriptedHandler Respond(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        _responses.Enqueue(() => new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        });
        return this;
    }

    public ScriptedHandler RespondBytes(byte[] body, string mediaType)
    {
        _responses.Enqueue(() =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(token);
        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!,
            request.Content?.Headers.ContentType?.ToString(), body));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"No response scripted for {request.Method} {request.RequestUri}.");
        }

        return _responses.Dequeue()();
    }
}

/// <summary>A request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string? ContentType, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);
}
