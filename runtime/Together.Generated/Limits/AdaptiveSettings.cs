namespace Together.Generated;

/// <summary>
/// How limiters follow Together's dynamic rate, which grows with recent successful traffic:
/// start below the configured rate and climb towards it while calls succeed.
/// </summary>
public sealed class AdaptiveSettings
{
    /// <summary>Whether limiters adapt their rate at all. Default false: they run at their configured rate.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The share of a limiter's run-at rate it starts with when <see cref="Enabled"/> (above 0, at most 1).
    /// Default 0.5.
    /// </summary>
    public double ColdStartFraction { get; set; } = 0.5;
}
