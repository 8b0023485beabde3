using System;

namespace Together.Generated.Redis;

/// <summary>
/// The shared-budget store could not be reached and the store is set to fail closed: the call was not sent.
/// </summary>
public sealed class SharedBudgetUnavailableException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public SharedBudgetUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SharedBudgetUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
