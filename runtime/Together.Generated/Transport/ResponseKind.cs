namespace Together.Generated;

/// <summary>What a call expects back; it sets the Accept header and whether the body is buffered.</summary>
internal enum ResponseKind
{
    /// <summary>A JSON body, buffered within the attempt.</summary>
    Json,

    /// <summary>No body worth reading (204 and the like).</summary>
    None,

    /// <summary>A text/plain body, buffered within the attempt.</summary>
    Text,

    /// <summary>Bytes streamed to the caller (audio, file content).</summary>
    Binary,

    /// <summary>Server-sent events streamed to the caller.</summary>
    EventStream,
}
