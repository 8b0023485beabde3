using System;
using System.Linq;
using Together.Generated;

namespace Together.Quickstart;

/// <summary>Reads and overrides the request budgets the client runs chat completions under.</summary>
public static class Budget
{
    /// <summary>
    /// The lowest per-second request figure among the rate limiters of <paramref name="endpoint"/> for
    /// <paramref name="model"/> (a per-model figure where the limits file gives one, else the run-at figure);
    /// 0 when the endpoint has no rate limiter.
    /// </summary>
    public static double PerSecond(TogetherLimits limits, EndpointDescriptor endpoint, string model)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(endpoint);
        var rates = endpoint.Limiters
            .Select(name => limits.Limiters.TryGetValue(name, out var d) ? d : null)
            .Where(d => d is { Unit: LimitUnit.Requests, Kind: LimiterKind.TokenBucket or LimiterKind.SlidingWindow })
            .Select(d => Figure(d!, model) / d!.Window.TotalSeconds)
            .ToArray();
        return rates.Length == 0 ? 0 : rates.Min();
    }

    /// <summary>
    /// Sets every request limiter of <paramref name="endpoint"/> to <paramref name="perMinute"/>, budget and run-at
    /// figure alike, as a user on another tier would: the limits file's numbers are starting budgets.
    /// </summary>
    public static void Override(TogetherLimits limits, EndpointDescriptor endpoint, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(endpoint);
        foreach (var name in endpoint.Limiters)
        {
            if (limits.Limiters.TryGetValue(name, out var definition) && definition.Unit == LimitUnit.Requests
                && definition.Kind is LimiterKind.TokenBucket or LimiterKind.SlidingWindow)
            {
                definition.Budget = perMinute;
                definition.RunAt = perMinute;
                definition.Window = TimeSpan.FromMinutes(1);
                definition.Models.Clear();
            }
        }
    }

    private static int Figure(LimiterDefinition definition, string model) =>
        definition.Models.TryGetValue(model, out var forModel) ? forModel
        : definition.RunAt > 0 ? definition.RunAt
        : definition.Budget;
}
