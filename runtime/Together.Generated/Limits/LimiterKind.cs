namespace Together.Generated;

/// <summary>The algorithm a limiter uses.</summary>
public enum LimiterKind
{
    /// <summary>
    /// Refilled smoothly at the run-at rate, with no burst unless one is set, and never more than one second's share
    /// in any one-second window (the default for budgets).
    /// </summary>
    TokenBucket,

    /// <summary>At most the budget in any window, counted exactly: a grant frees its permit one window later.</summary>
    SlidingWindow,

    /// <summary>At most the budget in flight at once.</summary>
    Concurrency,

    /// <summary>At most the budget of server-side jobs running at once (counts jobs, not HTTP calls).</summary>
    JobSlots,
}

/// <summary>What a limiter's partitions are keyed by.</summary>
public enum PartitionScope
{
    /// <summary>One partition per API key (its fingerprint).</summary>
    Key,

    /// <summary>One partition per key and model.</summary>
    Model,

    /// <summary>One partition per key and endpoint.</summary>
    Endpoint,
}

/// <summary>What a limiter's budget counts.</summary>
public enum LimitUnit
{
    /// <summary>HTTP requests.</summary>
    Requests,

    /// <summary>Model tokens (prompt plus completion).</summary>
    Tokens,
}
