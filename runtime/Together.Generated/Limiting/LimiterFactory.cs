using System;
using System.Threading.RateLimiting;

namespace Together.Generated;

/// <summary>One partition's limiter and the most permits a single call may take from it.</summary>
/// <param name="Limiter">The limiter.</param>
/// <param name="PermitLimit">The most permits one call may take.</param>
/// <param name="Adaptive">The adaptive rate steering it, for a requests token bucket when adapting is on.</param>
internal sealed record LimiterPartition(RateLimiter Limiter, int PermitLimit, AdaptiveRate? Adaptive = null);

/// <summary>Builds the limiter for one partition from a <see cref="LimiterDefinition"/>.</summary>
internal static class LimiterFactory
{
    /// <summary>
    /// Returns the partition's limiter, or null when the definition's effective budget is zero or less, which
    /// disables the limiter (a way for <see cref="TogetherClientOptions.ConfigureLimits"/> to switch one off).
    /// </summary>
    public static LimiterPartition? Create(
        LimiterDefinition definition,
        string? model,
        TimeProvider time,
        AdaptiveSettings? adaptive = null,
        ISharedLimiterStore? shared = null,
        string? partition = null,
        TimeSpan? arrivalMargin = null)
    {
        var budget = EffectiveBudget(definition, model);
        if (budget <= 0)
        {
            return null;
        }

        var queueLimit = Math.Max(0, definition.QueueLimit);
        switch (definition.Kind)
        {
            case LimiterKind.TokenBucket:
                var perSecond = budget / RequireWindow(definition).TotalSeconds;

                // Together counts per second, so no second may see more than its share (at least one request).
                // Idle, a requests bucket holds one request unless a burst is set: traffic starts smoothly. A token
                // budget needs room for one call's charge, so it holds the whole second's share.
                var secondShare = Math.Max(1, (int)Math.Floor(perSecond + 1e-9));
                var idleCapacity = definition.Burst > 0 ? definition.Burst
                    : definition.Unit == LimitUnit.Tokens ? secondShare
                    : 1;
                // queue_limit counts waiting calls; a token budget's queue holds permits, up to a second's share
                // per call.
                var queuePermits = definition.Unit == LimitUnit.Tokens
                    ? (int)Math.Min((long)queueLimit * secondShare, int.MaxValue)
                    : queueLimit;
                var localShare = (double share) =>
                    LocalShare(time, definition, budget * share, queuePermits, arrivalMargin);
                if (shared is not null && partition is not null && definition.Unit == LimitUnit.Requests
                    && shared.CreateLimiter(new SharedLimiterRequest(partition, perSecond, queuePermits, localShare))
                        is { } sharedLimiter)
                {
                    // A shared limiter that can be tuned shares the adapted rate too: one process's 429 slows all.
                    var sharedAdaptive = adaptive is { Enabled: true } && sharedLimiter is ITunableRateLimiter tunable
                        ? new AdaptiveRate(tunable, adaptive.ColdStartFraction, time)
                        : null;
                    return new(sharedLimiter, 1, sharedAdaptive);
                }

                var bucket = new ClockedTokenBucketLimiter(time, idleCapacity, secondShare, budget,
                    RequireWindow(definition), queuePermits, Margin(arrivalMargin, time));
                // A token budget starts at its figure (prompt sizes vary too much to ramp by) and probes in steps of
                // 2 % of it.
                var adaptiveRate = adaptive is not { Enabled: true } ? null
                    : definition.Unit == LimitUnit.Requests ? new AdaptiveRate(bucket, adaptive.ColdStartFraction, time)
                    : new AdaptiveRate(bucket, 1, time, stepShare: 0.02);
                return new(bucket, bucket.PermitLimit, adaptiveRate);

            case LimiterKind.SlidingWindow:
                var window = RequireWindow(definition);
                return new(new ClockedSlidingWindowLimiter(time, budget, window, queueLimit), budget);

            case LimiterKind.Concurrency:
            case LimiterKind.JobSlots:
                var options = new ConcurrencyLimiterOptions
                {
                    PermitLimit = budget,
                    QueueLimit = queueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                };
                return new(new ConcurrencyLimiter(options), budget);

            default:
                throw new InvalidOperationException(
                    $"Limiter '{definition.Name}' has an unknown kind ({definition.Kind}).");
        }
    }

    // A store that cannot be reached falls back to this: the same smooth bucket at a share of the budget.
    private static ClockedTokenBucketLimiter LocalShare(
        TimeProvider time, LimiterDefinition definition, double budget, int queuePermits, TimeSpan? arrivalMargin)
    {
        var whole = Math.Max(1, (int)Math.Floor(budget + 1e-9));
        var secondShare = Math.Max(1, (int)Math.Floor((whole / RequireWindow(definition).TotalSeconds) + 1e-9));
        return new ClockedTokenBucketLimiter(
            time, 1, secondShare, whole, RequireWindow(definition), queuePermits, Margin(arrivalMargin, time));
    }

    /// <summary>The arrival margin in force: the one given, else 10 ms on the system clock, none on another.</summary>
    public static TimeSpan Margin(TimeSpan? given, TimeProvider time) =>
        given is { } margin ? (margin < TimeSpan.Zero ? TimeSpan.Zero : margin)
        : ReferenceEquals(time, TimeProvider.System) ? DefaultArrivalMargin
        : TimeSpan.Zero;

    /// <summary>The arrival margin on the system clock when none is set.</summary>
    public static readonly TimeSpan DefaultArrivalMargin = TimeSpan.FromMilliseconds(10);

    /// <summary>The per-model figure when the model has one, else <c>RunAt</c>, else <c>Budget</c>.</summary>
    public static int EffectiveBudget(LimiterDefinition definition, string? model)
    {
        if (model is not null && definition.Models?.TryGetValue(model, out var forModel) == true)
        {
            return forModel;
        }

        return definition.RunAt > 0 ? definition.RunAt : definition.Budget;
    }

    private static TimeSpan RequireWindow(LimiterDefinition definition) =>
        definition.Window > TimeSpan.Zero
            ? definition.Window
            : throw new InvalidOperationException($"Limiter '{definition.Name}' has no positive window.");
}
