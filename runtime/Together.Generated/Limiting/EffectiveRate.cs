namespace Together.Generated;

/// <summary>The rate one adaptive limiter partition runs at now.</summary>
/// <param name="Partition">The partition: <c>limiter|key fingerprint|model=...</c> (never the key itself).</param>
/// <param name="PerMinute">The rate in force, in requests a minute.</param>
/// <param name="ConfiguredPerMinute">The limits file's run-at rate (after options), the most it may reach.</param>
public sealed record EffectiveRate(string Partition, double PerMinute, double ConfiguredPerMinute);
