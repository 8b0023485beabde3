using System;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Together.Generated.Redis;

/// <summary>
/// Shares each API key's request budgets between processes through Redis: pass one as
/// <see cref="TogetherClientOptions.SharedLimiters"/> in every process using the key. Keys are
/// <c>{KeyPrefix}:{limiter}|{key fingerprint}|model=...</c>: the API key itself is never written. The store's
/// clock decides; a partition's key expires a minute after its last grant.
/// </summary>
public sealed class RedisLimiterStore : ISharedLimiterStore
{
    private readonly IConnectionMultiplexer _redis;

    /// <summary>Creates the store over an open connection, which it does not dispose.</summary>
    public RedisLimiterStore(IConnectionMultiplexer redis, RedisLimiterStoreOptions? options = null,
        TimeProvider? time = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        Options = options ?? new RedisLimiterStoreOptions();
        if (Options.LocalShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "LocalShare must be above 0 and at most 1.");
        }

        Time = time ?? TimeProvider.System;
        Logger = Options.LoggerFactory?.CreateLogger("Together.Generated.Redis") ?? NullLogger.Instance;
    }

    /// <summary>The settings in force.</summary>
    public RedisLimiterStoreOptions Options { get; }

    internal IDatabase Database => _redis.GetDatabase();

    /// <summary>Whether the connection is up now; a call made while it is down would only wait out a timeout.</summary>
    internal bool IsConnected => _redis.IsConnected;

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>The Redis key one partition's budget lives under.</summary>
    public string KeyOf(string partition) => $"{Options.KeyPrefix}:{partition}";

    /// <inheritdoc />
    public RateLimiter? CreateLimiter(SharedLimiterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.PermitsPerSecond > 0 ? new RedisRateLimiter(this, KeyOf(request.Partition), request) : null;
    }
}
