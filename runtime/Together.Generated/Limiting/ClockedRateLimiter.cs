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
internal abstract partial class ClockedRateLimiter : ReplenishingRateLimiter
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
                Advance(Now());
                return _queue.Count == 0 && Available >= PermitLimit ? Now() - _lastActivity : null;
            }
        }
    }

    protected TimeProvider Time { get; }

    /// <summary>Permits available now (may be fractional for a token bucket).</summary>
    protected abstract double Available { get; }

    public override bool TryReplenish() => false;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Advance(Now());
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

    /// <summary>How long from <paramref name="now"/> until <paramref name="permits"/> are available.</summary>
    protected abstract TimeSpan TimeUntil(int permits, TimeSpan now);

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            Advance(now);
            if (_queue.Count == 0 && Covers(Math.Max(permitCount, 1)))
            {
                return Grant(permitCount, now);
            }

            _failures++;
            return PermitLease.Refused(TimeUntil(_queuedPermits + Math.Max(permitCount, 1), now));
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
            Advance(now);
            if (_queue.Count == 0 && Covers(permitCount))
            {
                return new ValueTask<RateLimitLease>(Grant(permitCount, now));
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                _failures++;
                return new ValueTask<RateLimitLease>(
                    PermitLease.Refused(TimeUntil(_queuedPermits + permitCount, now)));
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

    private bool Covers(int permits) => Available + 1e-9 >= permits;

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
            Advance(now);
            while (_queue.First is { } head && Covers(head.Value.Permits))
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

        // At least a millisecond, so float rounding that leaves a sliver of a permit missing cannot spin the timer.
        var due = TimeUntil(head.Value.Permits, now);
        var floor = TimeSpan.FromMilliseconds(1);
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
