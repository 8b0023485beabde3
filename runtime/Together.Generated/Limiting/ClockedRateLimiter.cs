using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// A rate limiter whose refill follows a <see cref="TimeProvider"/>. The built-in replenishing limiters gate
/// <c>TryReplenish</c> on the real <c>Stopwatch</c>, so under a fake clock they never refill; this base keeps the
/// waiting queue (oldest first, bounded, cancellable) and lets subclasses define only how permits accrue.
/// All abstract members are called under the limiter's lock.
/// </summary>
internal abstract partial class ClockedRateLimiter : ReplenishingRateLimiter, IPausableRateLimiter
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly int _queueLimit;
    private readonly long _origin;
    private readonly ITimer _timer;
    private int _queuedPermits;
    private long _successes;
    private long _failures;
    private TimeSpan _lastActivity;
    private TimeSpan _pausedUntil;
    private bool _disposed;

    protected ClockedRateLimiter(TimeProvider time, int permitLimit, int queueLimit, TimeSpan replenishmentPeriod)
    {
        Time = time;
        PermitLimit = permitLimit;
        _queueLimit = Math.Max(0, queueLimit);
        ReplenishmentPeriod = replenishmentPeriod;
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((ClockedRateLimiter)s!).OnTimer(), this, Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>The most permits one acquisition may ask for.</summary>
    public int PermitLimit { get; }

    public override TimeSpan ReplenishmentPeriod { get; }

    // The refill is driven by this limiter's own timer on the injected clock.
    public override bool IsAutoReplenishing => true;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = Now();
                Refresh(now);
                return _queue.Count == 0 && Available >= FullAt && now >= _pausedUntil
                    ? now - _lastActivity
                    : null;
            }
        }
    }

    protected TimeProvider Time { get; }

    /// <summary>Permits available now (may be fractional for a token bucket).</summary>
    protected abstract double Available { get; }

    /// <summary>What <see cref="Available"/> reaches when the limiter has been left alone long enough.</summary>
    protected virtual double FullAt => PermitLimit;

    /// <summary>
    /// Whether callers are waiting and no pause holds them back; set before each <see cref="Advance"/>.
    /// </summary>
    protected bool Backlogged { get; private set; }

    public override bool TryReplenish() => false;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refresh(Now());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)Math.Floor(Available + 1e-9),
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successes,
                TotalFailedLeases = _failures,
            };
        }
    }

    /// <summary>Brings the permit count up to <paramref name="now"/> (time since this limiter was created).</summary>
    protected abstract void Advance(TimeSpan now);

    /// <summary>Spends <paramref name="permits"/>; only called when <see cref="Available"/> covers them.</summary>
    protected abstract void Consume(int permits);

    /// <summary>
    /// How long from <paramref name="now"/> until <paramref name="permits"/> are available, never less than the
    /// exact time: a grant a tick early could put one request too many into the server's window.
    /// </summary>
    protected abstract TimeSpan TimeUntil(int permits, TimeSpan now);

    /// <summary>Rounds a wait in seconds up to whole ticks, so that rounding can only make a grant later.</summary>
    protected static TimeSpan CeilingSeconds(double seconds) =>
        seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// Holds back every permit, for waiters and new callers alike, until <paramref name="wait"/> from now has
    /// passed (a longer pause already in force is kept). Used when the server answers 429, so that the queue does
    /// not send into a window the server has just said is closed.
    /// </summary>
    public void PauseFor(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now();
            if (now + wait > _pausedUntil)
            {
                _pausedUntil = now + wait;
                Schedule(now);
            }
        }
    }

    /// <summary>
    /// Changes how fast permits come: <paramref name="change"/> runs under the lock after the permits have been
    /// brought up to now at the old pace, and the waiters are rescheduled for the new one.
    /// </summary>
    protected void Retune(Action change)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now();
            Refresh(now);
            change();
            Schedule(now);
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            Refresh(now);
            if (_queue.Count == 0 && Covers(Math.Max(permitCount, 1), now))
            {
                return Grant(permitCount, now);
            }

            _failures++;
            return PermitLease.Refused(Wait(_queuedPermits + Math.Max(permitCount, 1), now));
        }
    }

    /// <summary>
    /// Grants <paramref name="permitCount"/> (at least one) when <see cref="RateLimiter.AcquireAsync"/> would grant
    /// them at once: nobody queued and enough permits now. Otherwise returns false and counts no failure, so that
    /// the caller can go on to wait with <see cref="RateLimiter.AcquireAsync"/> (and only then needs a token).
    /// </summary>
    public bool TryAcquireNow(int permitCount)
    {
        CheckPermitCount(permitCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitCount, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            Refresh(now);
            if (_queue.Count == 0 && Covers(permitCount, now))
            {
                Grant(permitCount, now);
                return true;
            }

            return false;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        if (permitCount == 0)
        {
            return new ValueTask<RateLimitLease>(AttemptAcquireCore(0));
        }

        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            Refresh(now);
            if (_queue.Count == 0 && Covers(permitCount, now))
            {
                return new ValueTask<RateLimitLease>(Grant(permitCount, now));
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                _failures++;
                return new ValueTask<RateLimitLease>(
                    PermitLease.Refused(Wait(_queuedPermits + permitCount, now)));
            }

            waiter = new Waiter(this, permitCount);
            waiter.Node = _queue.AddLast(waiter);
            _queuedPermits += permitCount;
            Schedule(now);
        }

        // Registered outside the lock: a token cancelled meanwhile runs the callback at once, which takes the lock.
        var registration = cancellationToken.UnsafeRegister(static (s, t) => ((Waiter)s!).Cancel(t), waiter);
        bool settled;
        lock (_gate)
        {
            settled = waiter.Node?.List is null;
            if (!settled)
            {
                waiter.Registration = registration;
            }
        }

        if (settled)
        {
            registration.Dispose();
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<Waiter> refused;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            refused = new List<Waiter>(_queue);
            _queue.Clear();
            _queuedPermits = 0;
        }

        _timer.Dispose();
        foreach (var waiter in refused)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(PermitLease.Refused(null));
        }
    }

    private TimeSpan Now() => Time.GetElapsedTime(_origin);

    private void Refresh(TimeSpan now)
    {
        Backlogged = _queue.Count > 0 && now >= _pausedUntil;
        Advance(now);
    }

    // Exact, with no tolerance: TimeUntil rounds up instead, so a grant is never early.
    private bool Covers(int permits, TimeSpan now) => now >= _pausedUntil && Available >= permits;

    private TimeSpan Wait(int permits, TimeSpan now)
    {
        var paused = _pausedUntil - now;
        var refill = TimeUntil(permits, now);
        return paused > refill ? paused : refill;
    }

    private PermitLease Grant(int permits, TimeSpan now)
    {
        Consume(permits);
        _successes++;
        _lastActivity = now;
        return PermitLease.Acquired;
    }

    private void OnTimer() => Drain();

    private void Drain()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now();
            Refresh(now);
            while (_queue.First is { } head && Covers(head.Value.Permits, now))
            {
                _queue.RemoveFirst();
                _queuedPermits -= head.Value.Permits;
                Grant(head.Value.Permits, now);
                (granted ??= new List<Waiter>()).Add(head.Value);
            }

            Schedule(now);
        }

        // Completed outside the lock so that continuations never run while it is held.
        foreach (var waiter in granted ?? [])
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(PermitLease.Acquired);
        }
    }

    private void Schedule(TimeSpan now)
    {
        if (_queue.First is not { } head)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // At least a tick, so float rounding that leaves a sliver of a permit missing cannot spin the timer.
        var due = Wait(head.Value.Permits, now);
        var floor = TimeSpan.FromTicks(1);
        _timer.Change(due < floor ? floor : due, Timeout.InfiniteTimeSpan);
    }

    private void CheckPermitCount(int permitCount)
    {
        if (permitCount < 0 || permitCount > PermitLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(permitCount), permitCount, $"Between 0 and the limiter's permit limit ({PermitLimit}).");
        }
    }
}
