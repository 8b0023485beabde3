using System;
using System.IO;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// A binary response (audio, file content) streamed from the network, never buffered whole. It holds the call's
/// limiter permits until it is disposed, so dispose it as soon as the content has been read.
/// </summary>
public sealed class BinaryResponse : IAsyncDisposable, IDisposable
{
    private readonly AttemptResult _attempt;

    internal BinaryResponse(AttemptResult attempt, Stream content)
    {
        _attempt = attempt;
        Content = content;
        var headers = attempt.Response.Content.Headers;
        ContentType = headers.ContentType?.MediaType;
        ContentLength = headers.ContentLength;
        RequestId = ErrorFactory.RequestIdOf(attempt.Response);
    }

    /// <summary>The body, read from the network as the caller reads it. Timeouts do not apply to these reads.</summary>
    public Stream Content { get; }

    /// <summary>The media type, e.g. <c>audio/wav</c>; null when the server sent none.</summary>
    public string? ContentType { get; }

    /// <summary>The body's length in bytes when the server declared it.</summary>
    public long? ContentLength { get; }

    /// <summary>The server's <c>x-request-id</c> header; null when absent.</summary>
    public string? RequestId { get; }

    /// <summary>Closes the stream and releases the permits.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _attempt.Dispose();
    }

    /// <summary>Closes the stream and releases the permits.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _attempt.Dispose();
    }
}
