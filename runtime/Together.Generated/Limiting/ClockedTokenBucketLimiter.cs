using System;

namespace Together.Generated;

/// <summary>
/// A token bucket refilled continuously at the run-at rate: 60 per minute becomes one token a second, never a
/// minute's worth at once, because Together enforces per-minute limits per second.
/// <list type="bullet">
/// <item>Idle, the bucket holds at most its idle capacity (one request unless a burst is set), so traffic that
/// starts after a quiet spell starts smoothly.</item>
/// <item>While callers queue, a refill that arrived late (timers fire late, and a fake clock moves in steps) is not
/// lost: the bucket may hold up to one second's share so that the next grants catch up.</item>
/// <item>Whatever the bucket holds, no one-second window (<c>(now - 1 s, now]</c>, as Together counts) is granted
/// more than one second's share, so catching up never earns a 429.</item>
/// </list>
/// </summary>
internal sealed class ClockedTokenBucketLimiter : ClockedRateLimiter
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Credit is counted in whole numbers, a token being worth the window's ticks and each tick adding the budget:
    // floating point would leave a refill a hair short and push grants a timer step late.
    private readonly long _tokenCost;
    private readonly long _creditPerTick;
    private readonly int _idleCapacity;
    private readonly GrantLog _perSecond;
    private long _credit;
    private TimeSpan _last;

    /// <param name="time">The clock.</param>
    /// <param name="idleCapacity">The most tokens the bucket holds while nobody waits: the largest burst.</param>
    /// <param name="secondShare">The most tokens granted in any one second, and the largest single charge.</param>
    /// <param name="budget">Tokens refilled per <paramref name="window"/>.</param>
    /// <param name="window">The window the budget is counted over.</param>
    /// <param name="queueLimit">The most permits that may wait.</param>
    public ClockedTokenBucketLimiter(
        TimeProvider time, int idleCapacity, int secondShare, int budget, TimeSpan window, int queueLimit)
        : base(time, Math.Max(idleCapacity, secondShare), queueLimit, window / budget)
    {
        _tokenCost = window.Ticks;
        _creditPerTick = budget;
        _idleCapacity = idleCapacity;
        _perSecond = new GrantLog(Second, PermitLimit);
        _credit = idleCapacity * _tokenCost;
    }

    protected override double Available => Math.Min((double)_credit / _tokenCost, _perSecond.Free);

    protected override double FullAt => _idleCapacity;

    protected override void Advance(TimeSpan now)
    {
        _perSecond.Advance(now);
        if (now <= _last)
        {
            return;
        }

        var cap = (Backlogged ? PermitLimit : _idleCapacity) * _tokenCost;
        var elapsed = (now - _last).Ticks;
        // Compared before multiplying, so a long idle spell cannot overflow; above the cap (a backlog just cleared)
        // the bucket drops back to it.
        _credit = elapsed > (cap - _credit) / _creditPerTick ? cap : _credit + (elapsed * _creditPerTick);
        _last = now;
    }

    protected override void Consume(int permits)
    {
        _credit -= permits * _tokenCost;
        _perSecond.Add(_last, permits);
    }

    protected override TimeSpan TimeUntil(int permits, TimeSpan now)
    {
        var missing = (permits * _tokenCost) - _credit;
        var refill = missing <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((missing + _creditPerTick - 1) / _creditPerTick);
        var window = _perSecond.TimeUntil(permits, now);
        return refill > window ? refill : window;
    }
}
