using System;
using Microsoft.Extensions.Logging;

namespace Together.Generated.Redis;

/// <summary>Settings of a <see cref="RedisLimiterStore"/>.</summary>
public sealed class RedisLimiterStoreOptions
{
    /// <summary>The prefix of every key the store writes. Default <c>together:limits</c>.</summary>
    public string KeyPrefix { get; set; } = "together:limits";

    /// <summary>
    /// What happens while Redis cannot be reached. Default <see cref="StoreUnavailableBehavior.FailClosed"/>.
    /// </summary>
    public StoreUnavailableBehavior WhenUnavailable { get; set; } = StoreUnavailableBehavior.FailClosed;

    /// <summary>
    /// The share of a budget this process takes on its own while the store is down, with
    /// <see cref="StoreUnavailableBehavior.LocalShare"/>: one over the number of processes sharing the key is the
    /// safe figure. Default 0.5.
    /// </summary>
    public double LocalShare { get; set; } = 0.5;

    /// <summary>
    /// After a failed call to Redis, how long to use the fallback before trying the store again. Default 5 s.
    /// </summary>
    public TimeSpan RetryStoreAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where warnings about the store go. Default null: not logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
