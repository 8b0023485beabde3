using System;

namespace Together.Generated;

/// <summary>
/// A token bucket refilled continuously at the run-at rate: 60 per minute becomes one token a second, never a
/// minute's worth at once, because Together enforces per-minute limits per second.
/// </summary>
internal sealed class ClockedTokenBucketLimiter : ClockedRateLimiter
{
    private readonly double _tokensPerSecond;
    private double _tokens;
    private TimeSpan _last;

    /// <param name="time">The clock.</param>
    /// <param name="capacity">The most tokens the bucket holds, i.e. the largest burst.</param>
    /// <param name="tokensPerSecond">The refill rate.</param>
    /// <param name="queueLimit">The most permits that may wait.</param>
    public ClockedTokenBucketLimiter(TimeProvider time, int capacity, double tokensPerSecond, int queueLimit)
        : base(time, capacity, queueLimit, TimeSpan.FromSeconds(1 / tokensPerSecond))
    {
        _tokensPerSecond = tokensPerSecond;
        _tokens = capacity;
    }

    protected override double Available => _tokens;

    protected override void Advance(TimeSpan now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(PermitLimit, _tokens + ((now - _last).TotalSeconds * _tokensPerSecond));
            _last = now;
        }
    }

    protected override void Consume(int permits) => _tokens -= permits;

    protected override TimeSpan TimeUntil(int permits, TimeSpan now)
    {
        var missing = permits - _tokens;
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / _tokensPerSecond);
    }
}
