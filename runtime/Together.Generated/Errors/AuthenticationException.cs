using System;

namespace Together.Generated;

/// <summary>HTTP 401: the API key is missing, malformed or revoked. Retrying cannot help.</summary>
public sealed class AuthenticationException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public AuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public AuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
