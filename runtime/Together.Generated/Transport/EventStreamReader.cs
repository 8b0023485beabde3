using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Yields the chunks of a <c>text/event-stream</c> response as they arrive. It stops at <c>data: [DONE]</c> (or a
/// clean end of the body), skips comment lines, turns an error event into a <see cref="StreamInterruptedException"/>
/// carrying the server's message, and fails the same way when the connection breaks or stays silent longer than
/// <see cref="TogetherClientOptions.AttemptTimeout"/>. It never restarts a stream.
/// </summary>
internal static class EventStreamReader
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        AttemptResult attempt,
        JsonTypeInfo<T> chunkType,
        string endpoint,
        ClientSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requestId = ErrorFactory.RequestIdOf(attempt.Response);
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, settings.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var stream = await attempt.Response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        await using var streamScope = stream.ConfigureAwait(false);
        var events = SseParser.Create(stream, (type, data) => StreamEvent<T>.Parse(type, data, chunkType));
        var enumerator = events.EnumerateAsync(linked.Token).GetAsyncEnumerator(linked.Token);
        await using var enumeratorScope = enumerator.ConfigureAwait(false);
        var chunks = 0;
        while (true)
        {
            // The idle timer runs only while waiting for the server, never while the caller handles a chunk.
            idle.CancelAfter(settings.AttemptTimeout);
            StreamEvent<T> item;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                item = enumerator.Current.Data;
            }
            catch (OperationCanceledException e)
                when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var silence = ErrorFactory.StreamIdle(endpoint, settings.AttemptTimeout, e);
                throw ErrorFactory.StreamBroken(endpoint, chunks, requestId, silence);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or JsonException)
            {
                throw ErrorFactory.StreamBroken(endpoint, chunks, requestId, e);
            }

            idle.CancelAfter(Timeout.InfiniteTimeSpan);
            if (item.Kind == StreamEventKind.Done)
            {
                break;
            }

            if (item.Kind == StreamEventKind.Error)
            {
                throw ErrorFactory.StreamError(endpoint, item.Error!, chunks, settings, requestId);
            }

            if (item.Kind == StreamEventKind.Chunk)
            {
                chunks++;
                yield return item.Chunk!;
            }
        }

        Log.StreamEnded(settings.Logger, endpoint, chunks);
    }
}
