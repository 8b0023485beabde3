using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Generated;

/// <summary>
/// Changes one limiter of the limits file without recompiling: the figures for another tier, from configuration
/// (<c>Together:Limiters:&lt;name&gt;:Budget</c>) or code. Unset properties keep the file's values.
/// </summary>
public sealed class LimiterOverride
{
    /// <summary>
    /// The account's number per window. Default null: the file's <c>budget</c>. 0 switches the limiter off, as a
    /// budget of 0 does in the limits file.
    /// </summary>
    public int? Budget { get; set; }

    /// <summary>
    /// The number the limiter runs at. Default null: the file's <c>run_at</c>, or the new budget when only the budget
    /// is overridden (a run-at above the new budget would be refused).
    /// </summary>
    public int? RunAt { get; set; }

    /// <summary>The window the budget counts over, at most 366 days. Default null: the file's <c>per</c>.</summary>
    public TimeSpan? Per { get; set; }

    /// <summary>Callers that may wait for a permit. Default null: the file's <c>queue_limit</c>.</summary>
    public int? QueueLimit { get; set; }

    /// <summary>
    /// Applies <paramref name="overrides"/> to <paramref name="limits"/>; throws when one names no limiter of the
    /// file or holds a figure the limiter cannot run with.
    /// </summary>
    internal static void Apply(IDictionary<string, LimiterOverride> overrides, TogetherLimits limits)
    {
        foreach (var (name, change) in overrides)
        {
            if (Problem(name, change, limits) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var definition = Find(name, limits)!;
            definition.Budget = change.Budget ?? definition.Budget;
            definition.RunAt = change.RunAt ?? (change.Budget is { } budget ? budget : definition.RunAt);
            definition.Window = change.Per ?? definition.Window;
            definition.QueueLimit = change.QueueLimit ?? definition.QueueLimit;
        }
    }

    // Limiters count in ticks times a fixed scale; far longer windows would overflow that arithmetic.
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    // Configuration keys are case-insensitive, so the names are too.
    private static LimiterDefinition? Find(string name, TogetherLimits limits) =>
        limits.Limiters.TryGetValue(name, out var exact) ? exact
        : limits.Limiters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>What is wrong with one override, or null.</summary>
    internal static string? Problem(string name, LimiterOverride change, TogetherLimits limits)
    {
        if (Find(name, limits) is not { } definition)
        {
            return $"Limiter override '{name}': the limits file has no limiter of that name (it has: "
                + $"{string.Join(", ", limits.Limiters.Keys.Order(StringComparer.Ordinal))}).";
        }

        var budget = change.Budget ?? definition.Budget;
        var runAt = change.RunAt ?? change.Budget ?? definition.RunAt;
        return change switch
        {
            { Budget: < 0 } or { RunAt: < 0 } or { QueueLimit: < 0 } =>
                $"Limiter override '{name}': Budget, RunAt and QueueLimit cannot be negative.",
            { Per: { } per } when per <= TimeSpan.Zero || per > MaxWindow =>
                $"Limiter override '{name}': Per must be positive and at most 366 days.",
            _ when budget > 0 && runAt > budget =>
                $"Limiter override '{name}': RunAt ({runAt}) is above the budget ({budget}).",
            _ => null,
        };
    }
}
