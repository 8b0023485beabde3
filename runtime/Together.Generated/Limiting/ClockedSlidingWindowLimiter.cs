using System;

namespace Together.Generated;

/// <summary>
/// At most the permit limit in any window, counted exactly (<see cref="GrantLog"/>). A segmented window would let
/// up to twice the limit through across a segment boundary, which a server enforcing a strict sliding window
/// answers with 429s.
/// </summary>
internal sealed class ClockedSlidingWindowLimiter : ClockedRateLimiter
{
    private readonly GrantLog _log;
    private TimeSpan _now;

    /// <param name="time">The clock.</param>
    /// <param name="permitLimit">The most permits in any window.</param>
    /// <param name="window">The window.</param>
    /// <param name="queueLimit">The most permits that may wait.</param>
    public ClockedSlidingWindowLimiter(TimeProvider time, int permitLimit, TimeSpan window, int queueLimit)
        : base(time, permitLimit, queueLimit, window)
    {
        _log = new GrantLog(window, permitLimit);
    }

    protected override double Available => _log.Free;

    protected override void Advance(TimeSpan now)
    {
        _now = now;
        _log.Advance(now);
    }

    protected override void Consume(int permits) => _log.Add(_now, permits);

    protected override TimeSpan TimeUntil(int permits, TimeSpan now) => _log.TimeUntil(permits, now);
}
