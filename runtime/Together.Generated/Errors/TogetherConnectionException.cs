using System;

namespace Together.Generated;

/// <summary>
/// No usable response: the connection failed or was cut, and the retry policy ran out or did not allow a replay.
/// </summary>
public sealed class TogetherConnectionException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public TogetherConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TogetherConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
