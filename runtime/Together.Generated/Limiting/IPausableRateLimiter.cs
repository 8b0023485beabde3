using System;

namespace Together.Generated;

/// <summary>
/// A rate limiter that can hold back every permit for a while: what the client does to a call's limiters when the
/// server answers 429, so that the queue does not send into a window the server has said is closed. A shared
/// store's limiter holds back every process at once.
/// </summary>
public interface IPausableRateLimiter
{
    /// <summary>
    /// Grants nothing until <paramref name="wait"/> from now has passed; a longer pause in force is kept.
    /// </summary>
    void PauseFor(TimeSpan wait);
}
