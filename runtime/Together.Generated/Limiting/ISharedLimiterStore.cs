using System.Threading.RateLimiting;

namespace Together.Generated;

/// <summary>
/// A store that lets several processes using one API key share its rate budgets (for example the Redis store in
/// the <c>Together.Generated.Redis</c> package). The client asks it for each rate partition's limiter; a store
/// returns null for a partition it does not share, which then stays local.
/// </summary>
public interface ISharedLimiterStore
{
    /// <summary>Creates the shared limiter for one partition.</summary>
    RateLimiter? CreateLimiter(SharedLimiterRequest request);
}

/// <summary>What a shared store needs to know to build one partition's limiter.</summary>
/// <param name="Partition">
/// The partition's name, unique per key: <c>limiter|key fingerprint|model=...</c>. It never holds the key itself.
/// </param>
/// <param name="PermitsPerSecond">The partition's rate (its run-at figure), in permits a second.</param>
/// <param name="QueueLimit">How many permits may wait in this process before further calls fail at once.</param>
/// <param name="LocalShare">
/// Builds a local limiter at the given share of the rate (0 to 1], for a store that falls back to a local share of
/// the budget when it cannot be reached.
/// </param>
public sealed record SharedLimiterRequest(
    string Partition, double PermitsPerSecond, int QueueLimit, System.Func<double, RateLimiter> LocalShare);
