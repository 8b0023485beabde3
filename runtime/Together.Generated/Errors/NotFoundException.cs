using System;

namespace Together.Generated;

/// <summary>HTTP 404: the endpoint, model or resource does not exist.</summary>
public class NotFoundException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public NotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
