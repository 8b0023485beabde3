using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Together.Generated;

/// <summary>One server-sent event, classified: a chunk, the <c>[DONE]</c> marker, an error, or nothing.</summary>
internal readonly struct StreamEvent<T>
{
    private static readonly byte[] Done = Encoding.ASCII.GetBytes("[DONE]");

    private StreamEvent(StreamEventKind kind, T? chunk, ErrorDetails? error)
    {
        Kind = kind;
        Chunk = chunk;
        Error = error;
    }

    public StreamEventKind Kind { get; }

    public T? Chunk { get; }

    public ErrorDetails? Error { get; }

    /// <summary>Classifies one event's data; called by the SSE parser for every dispatched event.</summary>
    public static StreamEvent<T> Parse(string eventType, ReadOnlySpan<byte> data, JsonTypeInfo<T> chunkType)
    {
        data = data.Trim((byte)' ');
        if (data.IsEmpty)
        {
            return new(StreamEventKind.Skip, default, null);
        }

        if (data.SequenceEqual(Done))
        {
            return new(StreamEventKind.Done, default, null);
        }

        if (eventType == "error" || HasErrorProperty(data))
        {
            using var document = JsonDocument.Parse(data.ToArray());
            return new(StreamEventKind.Error, default, ErrorBodyParser.FromJson(document.RootElement));
        }

        var chunk = JsonSerializer.Deserialize(data, chunkType);
        return chunk is null ? new(StreamEventKind.Skip, default, null) : new(StreamEventKind.Chunk, chunk, null);
    }

    // Scans the top-level property names without building a document, so ordinary chunks are parsed only once.
    private static bool HasErrorProperty(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError && reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}

/// <summary>What a server-sent event means to the reader.</summary>
internal enum StreamEventKind
{
    /// <summary>A chunk to yield.</summary>
    Chunk,

    /// <summary>The end marker, <c>data: [DONE]</c>.</summary>
    Done,

    /// <summary>An error reported after the response started.</summary>
    Error,

    /// <summary>An empty or null event.</summary>
    Skip,
}
