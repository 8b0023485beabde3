using System;

namespace Together.Generated;

/// <summary>
/// A streamed response failed after it started: the server sent an error event, the connection was cut, the
/// stream went silent longer than <see cref="TogetherClientOptions.AttemptTimeout"/>, or a chunk was not valid
/// JSON. A stream is never restarted once a chunk has reached the caller, since the caller has already used it.
/// </summary>
public sealed class StreamInterruptedException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public StreamInterruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public StreamInterruptedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many chunks reached the caller before the failure.</summary>
    public int ChunksReceived { get; internal set; }
}
