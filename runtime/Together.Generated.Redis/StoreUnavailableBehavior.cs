namespace Together.Generated.Redis;

/// <summary>What a shared limiter does while the store cannot be reached. Never an unlimited rate.</summary>
public enum StoreUnavailableBehavior
{
    /// <summary>Calls fail at once with <see cref="SharedBudgetUnavailableException"/>; nothing is sent.</summary>
    FailClosed,

    /// <summary>
    /// Calls go on under a local limiter at <see cref="RedisLimiterStoreOptions.LocalShare"/> of the budget, as if
    /// this process were one of several sharing it, until the store answers again.
    /// </summary>
    LocalShare,
}
