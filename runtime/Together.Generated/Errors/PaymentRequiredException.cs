using System;

namespace Together.Generated;

/// <summary>HTTP 402: the account hit its spending limit or ran out of credits. Retrying cannot help.</summary>
public sealed class PaymentRequiredException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public PaymentRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PaymentRequiredException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
