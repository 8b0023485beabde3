using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>One limiter from the limits file. Budgets compiled in can be changed at run time through options.</summary>
public sealed class LimiterDefinition
{
    /// <summary>The limiter's name, as endpoints refer to it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The algorithm. Default <see cref="LimiterKind.TokenBucket"/>.</summary>
    public LimiterKind Kind { get; set; } = LimiterKind.TokenBucket;

    /// <summary>What the budget counts. Default <see cref="LimitUnit.Requests"/>.</summary>
    public LimitUnit Unit { get; set; } = LimitUnit.Requests;

    /// <summary>What partitions are keyed by. Default <see cref="PartitionScope.Key"/>.</summary>
    public PartitionScope Scope { get; set; } = PartitionScope.Key;

    /// <summary>The server's budget per <see cref="Window"/> as the account has it (informational).</summary>
    public int Budget { get; set; }

    /// <summary>The budget the limiter runs at, below <see cref="Budget"/> for headroom. Default: the budget.</summary>
    public int RunAt { get; set; }

    /// <summary>The window the budget is counted over. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many calls a token bucket lets go at once after a quiet spell. Default 0: one for a requests budget (a
    /// smooth start), one second's share for a tokens budget. No one-second window gets more than its share.
    /// </summary>
    public int Burst { get; set; }

    /// <summary>How many callers may wait for a permit; more fail at once. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Per-model budgets (run-at figures) replacing <see cref="RunAt"/> for those models.</summary>
    public IDictionary<string, int> Models { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The account's per-model budgets (informational, as <see cref="Budget"/> is), keyed like <see cref="Models"/>.
    /// Default empty.
    /// </summary>
    public IDictionary<string, int> ModelBudgets { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// For a <see cref="LimitUnit.Tokens"/> limiter: the tokens charged up front for a request that states no
    /// <c>max_tokens</c>. Ignored for <see cref="LimitUnit.Requests"/>. Default 1000.
    /// </summary>
    public int TokensPerRequest { get; set; } = 1000;
}
