using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// The client's limiters, one per limiter definition and partition. A partition is created on first use and named
/// from the limiter, the API key's fingerprint (never the key) and, by the definition's scope, the model or the
/// endpoint. Token buckets and sliding windows refill on the client's <see cref="TogetherClientOptions.TimeProvider"/>;
/// concurrency and job-slot limiters are <see cref="ConcurrencyLimiter"/>s. Waiters are served oldest first, up to
/// each definition's <see cref="LimiterDefinition.QueueLimit"/>. With a <see cref="ISharedLimiterStore"/>, the
/// requests token buckets come from the store instead, shared by every process using the key.
/// </summary>
public sealed class LimiterRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenTotals> _tokenTotals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<LimiterPartition?>> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Limiter, PartitionScope Scope, string? Value), ResolvedPartition>
        _resolved = new();
    private readonly TogetherLimits _limits;
    private readonly TimeProvider _time;
    private readonly string _fingerprint;
    private readonly ISharedLimiterStore? _shared;
    private QueueRefusal _refusal = new();
    private volatile bool _disposed;

    internal LimiterRegistry(
        TogetherLimits limits, TimeProvider time, string keyFingerprint, ISharedLimiterStore? shared = null)
    {
        _limits = limits;
        _time = time;
        _fingerprint = keyFingerprint;
        _shared = shared;
        TogetherTelemetry.Track(this, keyFingerprint);
    }

    /// <summary>The names of the partitions created so far (for diagnostics and tests).</summary>
    internal IEnumerable<string> PartitionNames => _partitions.Keys;

    /// <summary>
    /// The statistics of one partition of <paramref name="limiterName"/>: the one for <paramref name="model"/> when
    /// the limiter is per model, for <paramref name="endpoint"/> (an endpoint name such as
    /// <c>CreateChatCompletion</c>) when it is per endpoint; both are ignored for a per-key limiter.
    /// Returns null when the limiter is unknown or disabled, or that partition has not been used yet.
    /// </summary>
    public RateLimiterStatistics? GetStatistics(string limiterName, string? model = null, string? endpoint = null)
    {
        if (!_limits.Limiters.TryGetValue(limiterName, out var definition))
        {
            return null;
        }

        var name = PartitionName(definition, limiterName, model, endpoint);
        return _partitions.TryGetValue(name, out var partition) && partition.IsValueCreated
            ? partition.Value?.Limiter.GetStatistics()
            : null;
    }

    /// <summary>
    /// Disposes every limiter; calls still waiting for a permit fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var partition in _partitions.Values)
        {
            if (partition.IsValueCreated)
            {
                partition.Value?.Limiter.Dispose();
            }
        }
    }

    /// <summary>
    /// Acquires a permit from every limiter of <paramref name="endpoint"/>, in the descriptor's order. If one
    /// refuses, or the wait is cancelled, the permits already taken are released before the exception leaves.
    /// </summary>
    internal ValueTask<LeaseBundle> AcquireAsync(
        EndpointDescriptor endpoint, ILimitedRequest? request, CancellationToken cancellationToken,
        int promptTokens = 0)
    {
        var limiters = endpoint.Limiters;
        if (limiters.Count == 0)
        {
            return new ValueTask<LeaseBundle>(LeaseBundle.Empty);
        }

        var leases = new List<RateLimitLease>(limiters.Count);
        List<TokenReservation>? reservations = null;
        var refusal = Volatile.Read(ref _refusal);
        var next = 0;

        // Uncontended, each clocked limiter grants at once, as its AcquireAsync would: then the call needs no linked
        // token and no await. The first limiter that would make it wait (or that is not clocked) and the rest go the
        // waiting way below, with the permits taken so far; so does a cancelled call, which that way fails as before.
        try
        {
            for (; next < limiters.Count; next++)
            {
                if (cancellationToken.IsCancellationRequested || refusal.Token.IsCancellationRequested)
                {
                    break;
                }

                if (!TryResolve(endpoint, limiters[next], request, promptTokens, out var step))
                {
                    continue;
                }

                if (step.Partition.Limiter is not ClockedRateLimiter clocked || !clocked.TryAcquireNow(step.Permits))
                {
                    break;
                }

                leases.Add(PermitLease.Acquired);
                Reserve(step, ref reservations);
            }
        }
        catch (Exception e)
        {
            new LeaseBundle(leases).Dispose();
            return ValueTask.FromException<LeaseBundle>(e);
        }

        if (next == limiters.Count)
        {
            return new ValueTask<LeaseBundle>(new LeaseBundle(leases, reservations));
        }

        return AcquireRestAsync(
            endpoint, request, cancellationToken, promptTokens, refusal, next, leases, reservations);
    }

    private async ValueTask<LeaseBundle> AcquireRestAsync(
        EndpointDescriptor endpoint,
        ILimitedRequest? request,
        CancellationToken cancellationToken,
        int promptTokens,
        QueueRefusal refusal,
        int next,
        List<RateLimitLease> leases,
        List<TokenReservation>? reservations)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, refusal.Token);
        try
        {
            for (; next < endpoint.Limiters.Count; next++)
            {
                var limiterName = endpoint.Limiters[next];
                if (!TryResolve(endpoint, limiterName, request, promptTokens, out var step))
                {
                    continue;
                }

                var lease = await WaitAsync(step.Partition.Limiter, step.Permits, limiterName, waiting.Token)
                    .ConfigureAwait(false);
                if (!lease.IsAcquired)
                {
                    TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
                    lease.Dispose();

                    // A disposed limiter refuses its waiters; that is the client closing, not a full queue.
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    throw new RateLimitedException(
                        $"{endpoint.Name}: the local limiter '{limiterName}' refused the call because its queue "
                            + $"({step.Definition.QueueLimit}) is full.")
                    {
                        Endpoint = endpoint.Name,
                        LimiterName = limiterName,
                        RetryAfter = retryAfter,
                    };
                }

                leases.Add(lease);
                Reserve(step, ref reservations);
            }

            return new LeaseBundle(leases, reservations);
        }
        catch (OperationCanceledException e)
            when (refusal.Error is { } error && !cancellationToken.IsCancellationRequested)
        {
            new LeaseBundle(leases).Dispose();
            throw ErrorFactory.RefusedBehind(error, endpoint.Name, e);
        }
        catch
        {
            new LeaseBundle(leases).Dispose();
            throw;
        }
    }

    /// <summary>
    /// What a call takes from <paramref name="limiterName"/>: its partition, its token estimate and the permits to
    /// ask for. False when the limiter takes nothing from the call (job slots; a disabled partition).
    /// </summary>
    private bool TryResolve(
        EndpointDescriptor endpoint, string limiterName, ILimitedRequest? request, int promptTokens, out Step step)
    {
        if (!_limits.Limiters.TryGetValue(limiterName, out var definition))
        {
            throw new InvalidOperationException(
                $"{endpoint.Name} uses limiter '{limiterName}', which the limits do not define.");
        }

        // A job slot is held by the job on the server, not by the HTTP call: JobSlotGate counts those.
        var partition = definition.Kind == LimiterKind.JobSlots
            ? null
            : ResolvePartition(definition, limiterName, request?.Model, endpoint.Name);
        if (partition?.Partition is not { } limiter)
        {
            step = default;
            return false;
        }

        var estimate = TokenEstimate(definition, request, promptTokens);
        step = new Step(definition, partition, limiter, estimate, (int)Math.Clamp(estimate, 1, limiter.PermitLimit));
        return true;
    }

    // A call may need more tokens than one second's share, the most one grant takes: the rest is charged as debt,
    // which the calls behind it wait out.
    private void Reserve(in Step step, ref List<TokenReservation>? reservations)
    {
        if (step.Definition.Unit == LimitUnit.Tokens && step.Partition.Limiter is ClockedTokenBucketLimiter bucket)
        {
            var reserved = (int)Math.Min(step.Estimate, int.MaxValue);
            bucket.Adjust(step.Permits - reserved);
            var totals = step.Resolved.Totals ??= _tokenTotals.GetOrAdd(
                step.Resolved.Name, static (name, fingerprint) => new TokenTotals(fingerprint, name), _fingerprint);
            (reservations ??= new List<TokenReservation>(1)).Add(new TokenReservation(bucket, reserved, totals));
        }
    }

    // A call that cannot have its permit at once counts in the queue gauge while it waits.
    private async ValueTask<RateLimitLease> WaitAsync(
        RateLimiter limiter, int permits, string limiterName, CancellationToken token)
    {
        var pending = limiter.AcquireAsync(permits, token);
        if (pending.IsCompleted)
        {
            return pending.Result;
        }

        var tags = new TagList { TogetherTelemetry.Key(_fingerprint), { TogetherTelemetry.LimiterTag, limiterName } };
        TogetherTelemetry.Queued.Add(1, tags);
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            TogetherTelemetry.Queued.Add(-1, tags);
        }
    }

    /// <summary>
    /// Holds back every rate limiter on <paramref name="endpoint"/>'s chain, for this request's partitions, for
    /// <paramref name="wait"/>: the server answered 429, so the other waiters must not rush into the same closed
    /// window. Concurrency and job-slot limiters count calls in flight, not a rate, and are left alone.
    /// </summary>
    internal void HoldBack(EndpointDescriptor endpoint, ILimitedRequest? request, TimeSpan wait)
    {
        foreach (var limiterName in endpoint.Limiters)
        {
            if (_limits.Limiters.TryGetValue(limiterName, out var definition)
                && GetPartition(definition, limiterName, request?.Model, endpoint.Name)?.Limiter
                    is IPausableRateLimiter limiter)
            {
                limiter.PauseFor(wait);
            }
        }
    }

    /// <summary>
    /// Tells the adaptive rates of <paramref name="endpoint"/>'s chain what the server answered: a success lets
    /// them all climb from their cold start; a 429 lowers, and a stated limit sets, only those the server counts by:
    /// the per-model request buckets, or the per-key ones when the chain has none per model. Other statuses (a 503
    /// is capacity, not quota) change nothing.
    /// </summary>
    internal void Observe(EndpointDescriptor endpoint, ILimitedRequest? request, int status, RateLimitHeaders headers)
    {
        if (!_limits.Adaptive.Enabled || (status != 429 && status is < 200 or >= 300))
        {
            return;
        }

        // Together says which budget a 429 ran out of: no tokens left (x-tokenlimit-remaining: 0) means the token
        // budget; otherwise the request budget.
        var tokenLimited = status == 429 && headers.TokensRemaining is 0;
        var unit = tokenLimited ? LimitUnit.Tokens : LimitUnit.Requests;
        var steered = Steered(endpoint, request, PartitionScope.Model, unit);
        if (steered.Count == 0)
        {
            steered = Steered(endpoint, request, PartitionScope.Key, unit);
        }

        if (status == 429)
        {
            foreach (var adaptive in steered)
            {
                adaptive.OnRateLimited(headers.Reset, tokenLimited ? headers.TokenLimit : headers.RequestLimit);
            }

            return;
        }

        // Every adaptive bucket of the chain climbs from its cold start on success; only those the server counts
        // by follow its stated limits, requests and tokens alike.
        var tokenSteered = Steered(endpoint, request, PartitionScope.Model, LimitUnit.Tokens);
        if (tokenSteered.Count == 0)
        {
            tokenSteered = Steered(endpoint, request, PartitionScope.Key, LimitUnit.Tokens);
        }

        foreach (var limiterName in endpoint.Limiters)
        {
            if (_limits.Limiters.TryGetValue(limiterName, out var definition)
                && GetPartition(definition, limiterName, request?.Model, endpoint.Name)?.Adaptive is { } adaptive)
            {
                adaptive.OnSuccess(steered.Contains(adaptive) ? headers.RequestLimit
                    : tokenSteered.Contains(adaptive) ? headers.TokenLimit
                    : null);
            }
        }
    }

    /// <summary>
    /// The rate each adaptive partition runs at now, in requests a minute, beside its configured rate. Partitions
    /// are named <c>limiter|key fingerprint|model=...</c>; the key itself never appears. Empty when adapting is off.
    /// </summary>
    public IReadOnlyList<EffectiveRate> GetEffectiveRates() =>
        _partitions
            .Where(p => p.Value.IsValueCreated && p.Value.Value?.Adaptive is not null)
            .Select(p => new EffectiveRate(
                p.Key, p.Value.Value!.Adaptive!.PerSecond * 60, p.Value.Value.Adaptive.MaxPerSecond * 60))
            .OrderBy(r => r.Partition, StringComparer.Ordinal)
            .ToArray();

    private List<AdaptiveRate> Steered(
        EndpointDescriptor endpoint, ILimitedRequest? request, PartitionScope scope, LimitUnit unit)
    {
        var steered = new List<AdaptiveRate>();
        foreach (var limiterName in endpoint.Limiters)
        {
            if (_limits.Limiters.TryGetValue(limiterName, out var definition) && definition.Scope == scope
                && definition.Unit == unit
                && GetPartition(definition, limiterName, request?.Model, endpoint.Name)?.Adaptive is { } adaptive)
            {
                steered.Add(adaptive);
            }
        }

        return steered;
    }

    /// <summary>
    /// Fails every call now waiting for a permit with a copy of <paramref name="error"/> (a 401 or 402: the key is
    /// bad or out of credit, so the calls behind it would be refused too). Calls started later wait as usual.
    /// </summary>
    internal void RefuseQueued(TogetherApiException error) =>
        Interlocked.Exchange(ref _refusal, new QueueRefusal()).Refuse(error);

    /// <summary>
    /// Tokens reserved and settled so far by one partition of the token budget <paramref name="limiterName"/> (for
    /// <paramref name="model"/> when it is per model); null before its first call.
    /// </summary>
    public TokenBudgetTotals? GetTokenTotals(string limiterName, string? model = null, string? endpoint = null)
    {
        if (!_limits.Limiters.TryGetValue(limiterName, out var definition))
        {
            return null;
        }

        return _tokenTotals.TryGetValue(PartitionName(definition, limiterName, model, endpoint), out var totals)
            ? new TokenBudgetTotals(totals.Reserved, totals.Settled)
            : null;
    }

    // A token budget is charged up front the prompt's estimate plus the most the call may generate (max_tokens
    // times n, or the limiter's tokens_per_request when the call names no max_tokens); the response's usage then
    // settles the difference. Any other limiter takes one permit per call.
    private static long TokenEstimate(LimiterDefinition definition, ILimitedRequest? request, int promptTokens)
    {
        if (definition.Unit != LimitUnit.Tokens || definition.Kind is LimiterKind.Concurrency or LimiterKind.JobSlots)
        {
            return 1;
        }

        var completion = request?.MaxTokens is { } maxTokens
            ? (long)maxTokens * Math.Max(1, request.Choices ?? 1)
            : definition.TokensPerRequest;
        return Math.Max(1, promptTokens + completion);
    }

    private LimiterPartition? GetPartition(
        LimiterDefinition definition, string limiterName, string? model, string endpoint) =>
        ResolvePartition(definition, limiterName, model, endpoint).Partition;

    /// <summary>
    /// The partition of <paramref name="limiterName"/> for this model or endpoint, from a cache keyed by what its
    /// name is made of, so that a call neither builds the name string nor allocates the factory's closure.
    /// </summary>
    private ResolvedPartition ResolvePartition(
        LimiterDefinition definition, string limiterName, string? model, string endpoint)
    {
        var key = definition.Scope switch
        {
            PartitionScope.Model => (limiterName, definition.Scope, model),
            PartitionScope.Endpoint => (limiterName, definition.Scope, endpoint),
            _ => (limiterName, definition.Scope, (string?)null),
        };
        return _resolved.TryGetValue(key, out var resolved)
            ? resolved
            : _resolved.GetOrAdd(key, CreatePartition(definition, limiterName, model, endpoint));
    }

    private ResolvedPartition CreatePartition(
        LimiterDefinition definition, string limiterName, string? model, string endpoint)
    {
        var name = PartitionName(definition, limiterName, model, endpoint);
        var partitionModel = definition.Scope == PartitionScope.Model ? model : null;
        var partition = _partitions.GetOrAdd(
                name,
                _ => new Lazy<LimiterPartition?>(
                    () => LimiterFactory.Create(definition, partitionModel, _time, _limits.Adaptive, _shared, name,
                        _limits.ArrivalMargin),
                    LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;
        return new ResolvedPartition(name, partition);
    }

    private string PartitionName(LimiterDefinition definition, string limiterName, string? model, string? endpoint) =>
        definition.Scope switch
        {
            PartitionScope.Model => $"{limiterName}|{_fingerprint}|model={model ?? "-"}",
            PartitionScope.Endpoint => $"{limiterName}|{_fingerprint}|endpoint={endpoint ?? "-"}",
            _ => $"{limiterName}|{_fingerprint}",
        };

    /// <summary>A partition with its name; the name's token totals once a token budget has used them.</summary>
    private sealed class ResolvedPartition(string name, LimiterPartition? partition)
    {
        public string Name => name;

        public LimiterPartition? Partition => partition;

        public TokenTotals? Totals { get; set; }
    }

    /// <summary>One limiter's part in an acquisition.</summary>
    private readonly record struct Step(
        LimiterDefinition Definition, ResolvedPartition Resolved, LimiterPartition Partition, long Estimate,
        int Permits);
}
