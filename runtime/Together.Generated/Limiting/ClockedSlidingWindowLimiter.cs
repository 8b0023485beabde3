using System;

namespace Together.Generated;

/// <summary>
/// At most the permit limit in any window, counted in segments: a permit spent in one segment becomes available
/// again when the window has slid past that segment.
/// </summary>
internal sealed class ClockedSlidingWindowLimiter : ClockedRateLimiter
{
    private readonly int[] _perSegment;
    private readonly TimeSpan _segment;
    private int _current;
    private int _used;
    private TimeSpan _segmentStart;

    /// <param name="time">The clock.</param>
    /// <param name="permitLimit">The most permits in any window.</param>
    /// <param name="window">The window.</param>
    /// <param name="segments">How many segments the window is counted in.</param>
    /// <param name="queueLimit">The most permits that may wait.</param>
    public ClockedSlidingWindowLimiter(
        TimeProvider time, int permitLimit, TimeSpan window, int segments, int queueLimit)
        : base(time, permitLimit, queueLimit, window / segments)
    {
        _perSegment = new int[segments];
        _segment = window / segments;
    }

    protected override double Available => PermitLimit - _used;

    protected override void Advance(TimeSpan now)
    {
        var steps = (now - _segmentStart).Ticks / _segment.Ticks;
        if (steps <= 0)
        {
            return;
        }

        // Past a whole window every segment is empty: no need to step through the rest.
        for (var i = 0; i < Math.Min(steps, _perSegment.Length); i++)
        {
            _current = (_current + 1) % _perSegment.Length;
            _used -= _perSegment[_current];
            _perSegment[_current] = 0;
        }

        _segmentStart += TimeSpan.FromTicks(steps * _segment.Ticks);
    }

    protected override void Consume(int permits)
    {
        _perSegment[_current] += permits;
        _used += permits;
    }

    protected override TimeSpan TimeUntil(int permits, TimeSpan now)
    {
        var missing = permits - (PermitLimit - _used);
        if (missing <= 0)
        {
            return TimeSpan.Zero;
        }

        var freed = 0;
        for (var step = 1; step <= _perSegment.Length; step++)
        {
            freed += _perSegment[(_current + step) % _perSegment.Length];
            if (freed >= missing)
            {
                return _segmentStart + TimeSpan.FromTicks(step * _segment.Ticks) - now;
            }
        }

        return ReplenishmentPeriod * _perSegment.Length;
    }
}
