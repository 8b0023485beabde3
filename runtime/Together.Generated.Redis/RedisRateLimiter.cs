using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Together.Generated.Redis;

/// <summary>
/// One partition's budget kept in Redis and shared by every process using the key. Waiters in this process go one
/// at a time, oldest first; each asks the store's script, which either grants or says how long to wait. While the
/// store cannot be reached, the store's <see cref="StoreUnavailableBehavior"/> applies.
/// </summary>
internal sealed class RedisRateLimiter : RateLimiter, IPausableRateLimiter, ITunableRateLimiter
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly RedisLimiterStore _store;
    private readonly RedisKey _key;
    private readonly RedisKey _rateKey;
    private double _perSecond;
    private readonly int _queueLimit;
    private readonly Lazy<RateLimiter> _local;
    private long _storeDownUntil;
    private int _waiting;
    private long _granted;
    private long _refused;

    public RedisRateLimiter(RedisLimiterStore store, RedisKey key, SharedLimiterRequest request)
    {
        _store = store;
        _key = key;
        _rateKey = key.Append(":rate");
        MaxPerSecond = request.PermitsPerSecond;
        _perSecond = request.PermitsPerSecond;
        _queueLimit = request.QueueLimit;
        _local = new Lazy<RateLimiter>(() => request.LocalShare(store.Options.LocalShare));
    }

    public override TimeSpan? IdleDuration => null;

    public double MaxPerSecond { get; }

    /// <summary>The shared rate as last read from the store (each grant reads it).</summary>
    public double PerSecond => Volatile.Read(ref _perSecond);

    // Two seconds after any process lowered the shared rate, no process may raise it: a 429 is not undone at once.
    public void SetRate(double perSecond)
    {
        // The rate in force is the store's answer, not this wish: another process may have lowered it meanwhile.
        var wanted = Math.Clamp(perSecond, MaxPerSecond / 1000, MaxPerSecond);
        _ = SetRateInStoreAsync(wanted, initial: false);
    }

    public void StartAt(double perSecond)
    {
        var wanted = Math.Clamp(perSecond, MaxPerSecond / 1000, MaxPerSecond);
        _ = SetRateInStoreAsync(wanted, initial: true);
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = 0,
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    public void PauseFor(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero || StoreIsDown())
        {
            (_local.IsValueCreated ? _local.Value as IPausableRateLimiter : null)?.PauseFor(wait);
            return;
        }

        // Fire and forget: a pause is advice; the store's script keeps the spacing either way.
        _ = PauseInStoreAsync(wait);
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Increment(ref _refused);
        return Lease.Refused;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
        int permitCount, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _waiting) > _queueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            Interlocked.Increment(ref _refused);
            return Lease.Refused;
        }

        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await AcquireInTurnAsync(Math.Max(1, permitCount), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
            if (_local.IsValueCreated)
            {
                _local.Value.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private async Task<RateLimitLease> AcquireInTurnAsync(int permits, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (StoreIsDown())
            {
                return await _local.Value.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
            }

            if (!_store.IsConnected)
            {
                StoreFailed(new RedisException("the connection to Redis is down"));
                continue;
            }

            long waitMicros;
            try
            {
                var result = (RedisResult[])(await GcraScripts.Acquire.EvaluateAsync(
                    _store.Database, new { key = _key, rate = _rateKey, max = MaxPerSecond, permits })
                    .ConfigureAwait(false))!;
                waitMicros = (long)result[0];
                Volatile.Write(ref _perSecond, double.Parse((string)result[1]!, CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                StoreFailed(e);
                continue;
            }

            if (waitMicros <= 0)
            {
                Interlocked.Increment(ref _granted);
                return Lease.Granted;
            }

            await Task.Delay(TimeSpan.FromTicks(Math.Max(1, waitMicros * 10)), _store.Time, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task SetRateInStoreAsync(double wanted, bool initial)
    {
        try
        {
            var current = await GcraScripts.SetRate.EvaluateAsync(
                _store.Database,
                new { rate = _rateKey, max = MaxPerSecond, wanted, hold = 2_000_000, initial = initial ? 1 : 0 })
                .ConfigureAwait(false);
            Volatile.Write(ref _perSecond, double.Parse((string)current!, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Log.StoreUnreachable(_store.Logger, e.Message, "the adapted rate was not shared");
        }
    }

    private async Task PauseInStoreAsync(TimeSpan wait)
    {
        try
        {
            await GcraScripts.Pause.EvaluateAsync(
                _store.Database, new { key = _key, wait = (long)(wait.Ticks / 10) }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Log.StoreUnreachable(_store.Logger, e.Message, "the 429 pause was not shared");
        }
    }

    private bool StoreIsDown() => _store.Time.GetTimestamp() < Interlocked.Read(ref _storeDownUntil);

    private void StoreFailed(Exception error)
    {
        if (_store.Options.WhenUnavailable == StoreUnavailableBehavior.FailClosed)
        {
            throw new SharedBudgetUnavailableException(
                "The shared-budget store could not be reached, so the call was not sent (fail closed): "
                    + error.Message,
                error);
        }

        var retryAt = _store.Time.GetTimestamp()
            + (long)(_store.Options.RetryStoreAfter.TotalSeconds * _store.Time.TimestampFrequency);
        Interlocked.Exchange(ref _storeDownUntil, retryAt);
        Log.StoreUnreachable(_store.Logger, error.Message,
            $"running on a local {_store.Options.LocalShare:P0} share of the budget for "
                + $"{_store.Options.RetryStoreAfter}");
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => Array.Empty<string>();

        public override bool TryGetMetadata(string metadataName, [NotNullWhen(true)] out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
