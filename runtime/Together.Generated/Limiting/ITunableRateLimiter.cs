namespace Together.Generated;

/// <summary>
/// A rate limiter whose rate can be changed while it runs, up to its configured rate: what an adaptive rate steers.
/// A shared store's limiter implements it so that every process using the key follows one adapted rate.
/// </summary>
public interface ITunableRateLimiter
{
    /// <summary>The configured rate, in permits a second: the most <see cref="SetRate"/> allows.</summary>
    double MaxPerSecond { get; }

    /// <summary>The rate in force, in permits a second.</summary>
    double PerSecond { get; }

    /// <summary>Runs at <paramref name="perSecond"/> from now on, clamped to (0, <see cref="MaxPerSecond"/>].</summary>
    void SetRate(double perSecond);

    /// <summary>
    /// Starts at <paramref name="perSecond"/> (a cold start), unless a rate is already in force that another
    /// process sharing the limiter has adapted.
    /// </summary>
    void StartAt(double perSecond);
}
