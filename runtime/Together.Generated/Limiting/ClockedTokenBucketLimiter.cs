using System;
using System.Threading;

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
internal sealed class ClockedTokenBucketLimiter : ClockedRateLimiter, ITunableRateLimiter
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Credit is counted in whole numbers, a token being worth the window's ticks (times RateScale) and each tick
    // adding the budget (times RateScale): floating point would leave a refill a hair short and push grants a timer
    // step late. The scale lets an adaptive rate be fractional.
    private const long RateScale = 1000;
    private readonly long _tokenCost;
    private readonly TimeSpan _window;
    private long _creditPerTick;
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
    /// <param name="arrivalMargin">How much longer than a second each grant counts in the one-second guard.</param>
    public ClockedTokenBucketLimiter(
        TimeProvider time, int idleCapacity, int secondShare, int budget, TimeSpan window, int queueLimit,
        TimeSpan arrivalMargin = default)
        : base(time, Math.Max(idleCapacity, secondShare), queueLimit, window / budget)
    {
        _tokenCost = window.Ticks * RateScale;
        _creditPerTick = budget * RateScale;
        _window = window;
        MaxPerSecond = budget / window.TotalSeconds;
        _idleCapacity = idleCapacity;
        // Known shortcoming: a cold process's first calls can reach the server later than this margin allows for.
        _perSecond = new GrantLog(Second + arrivalMargin, PermitLimit);
        _credit = idleCapacity * _tokenCost;
    }

    /// <summary>The configured rate in permits a second: the most <see cref="SetRate"/> allows.</summary>
    public double MaxPerSecond { get; }

    /// <summary>The rate in force, in permits a second.</summary>
    public double PerSecond => Volatile.Read(ref _creditPerTick) / (double)RateScale / _window.TotalSeconds;

    /// <summary>
    /// Runs the bucket at <paramref name="perSecond"/> (clamped to (0, <see cref="MaxPerSecond"/>]) from now on; the
    /// per-second share follows, so no one-second window gets more than the new rate's whole permits.
    /// </summary>
    public void SetRate(double perSecond)
    {
        var rate = Math.Clamp(perSecond, MaxPerSecond / 1000, MaxPerSecond);
        Retune(() =>
        {
            Volatile.Write(ref _creditPerTick, Math.Max(1, (long)Math.Round(rate * _window.TotalSeconds * RateScale)));
            _perSecond.Limit = Math.Clamp((int)Math.Floor(rate + 1e-9), 1, PermitLimit);
        });
    }

    /// <summary>
    /// Gives back <paramref name="tokens"/> a call reserved but did not use, or (negative) charges tokens it used
    /// beyond its reservation; an overrun can leave the bucket in debt, which later grants wait out.
    /// </summary>
    public void Adjust(int tokens)
    {
        if (tokens == 0)
        {
            return;
        }

        Retune(() =>
        {
            _credit += tokens * _tokenCost;
            if (tokens < 0)
            {
                _perSecond.Add(_last, -tokens);
            }
        });
    }

    /// <inheritdoc />
    public void StartAt(double perSecond) => SetRate(perSecond);

    // A charge larger than a second's share (a long prompt, or a share lowered by an adaptive rate) needs an empty
    // window rather than a free one, else it would never fit.
    protected override double Available =>
        Math.Min((double)_credit / _tokenCost, _perSecond.Used == 0 ? double.MaxValue : _perSecond.Free);

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
        var window = permits > _perSecond.Limit ? _perSecond.TimeUntilEmpty(now) : _perSecond.TimeUntil(permits, now);
        return refill > window ? refill : window;
    }
}
