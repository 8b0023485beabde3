using System;

namespace Together.Generated;

/// <summary>
/// The call ran out of time: one attempt exceeded <see cref="TogetherClientOptions.AttemptTimeout"/> (and could not
/// be replayed, or the retries ran out), or the whole call exceeded <see cref="TogetherClientOptions.TotalTimeout"/>.
/// A stream that goes silent that long fails with <see cref="StreamInterruptedException"/> wrapping this type.
/// Cancellation by the caller's own token is never reported this way: it surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class TogetherTimeoutException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public TogetherTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TogetherTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit that ran out.</summary>
    public TimeSpan Timeout { get; internal set; }

    /// <summary>True when the whole call's budget ran out; false when a single attempt (or stream gap) did.</summary>
    public bool IsTotalTimeout { get; internal set; }
}
