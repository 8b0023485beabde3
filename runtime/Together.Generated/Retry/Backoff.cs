using System;

namespace Together.Generated;

/// <summary>
/// Exponential backoff for when the server gives no wait hint: <c>BaseDelay * 2^retry</c>, capped at
/// <c>MaxDelay</c>, minus a random share of up to <c>Jitter</c> so that clients throttled together do not return
/// together.
/// </summary>
internal static class Backoff
{
    /// <param name="policy">The retry policy.</param>
    /// <param name="retry">The retry's index: 0 before the second attempt.</param>
    /// <param name="random">A value in [0, 1].</param>
    public static TimeSpan Delay(RetryPolicyDefinition policy, int retry, double random)
    {
        var cap = Math.Max(0, policy.MaxDelay.Ticks);

        // Doubling in floating point cannot overflow; the cap applies before converting back.
        var ticks = Math.Min(policy.BaseDelay.Ticks * Math.Pow(2, Math.Min(retry, 62)), cap);
        var share = Math.Clamp(policy.Jitter, 0, 1) * Math.Clamp(random, 0, 1);
        return TimeSpan.FromTicks((long)(ticks * (1 - share)));
    }
}
