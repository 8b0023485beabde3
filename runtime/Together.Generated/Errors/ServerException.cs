using System;

namespace Together.Generated;

/// <summary>
/// HTTP 5xx: the server failed or was overloaded, and the retry policy ran out or did not allow a replay.
/// </summary>
public sealed class ServerException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public ServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
