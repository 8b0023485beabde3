using System;

namespace Together.Generated;

/// <summary>
/// The call was rate limited: either the server answered HTTP 429 and the retry policy ran out (or the server's
/// wait hint exceeded the policy's <see cref="RetryPolicyDefinition.MaxWait"/>), or a local limiter's queue was
/// full (<see cref="LimiterName"/> set, <see cref="TogetherApiException.StatusCode"/> null).
/// <see cref="TogetherApiException.RetryAfter"/> carries the wait hint when there was one.
/// </summary>
public sealed class RateLimitedException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public RateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public RateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The local limiter that refused the call; null when the server refused it.</summary>
    public string? LimiterName { get; internal set; }
}
