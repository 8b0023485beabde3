using System;

namespace Together.Generated;

/// <summary>
/// HTTP 403: the key may not do this, or (Together's own use) the prompt plus <c>max_tokens</c> exceed the
/// model's context.
/// </summary>
public sealed class PermissionDeniedException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public PermissionDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PermissionDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
