using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Quickstart;

/// <summary>What a load run did: the figures of the quickstart's final table.</summary>
/// <param name="Calls">Calls made.</param>
/// <param name="Succeeded">Calls that returned a completion.</param>
/// <param name="FailedCount">Calls that failed.</param>
/// <param name="Failures">Why calls failed: error type and message, the first 20.</param>
/// <param name="RateLimited">429 answers met, retries included.</param>
/// <param name="Overloaded">503 answers met, retries included.</param>
/// <param name="Retries">Attempts beyond the first of each call.</param>
/// <param name="Latencies">Each succeeded call's latency, queueing for permits included.</param>
/// <param name="Elapsed">From the first call's start to the last call's end.</param>
/// <param name="BudgetPerSecond">The lowest request budget in force on the chat endpoint, per second.</param>
public sealed record LoadResult(
    int Calls,
    int Succeeded,
    int FailedCount,
    IReadOnlyList<string> Failures,
    int RateLimited,
    int Overloaded,
    int Retries,
    IReadOnlyList<TimeSpan> Latencies,
    TimeSpan Elapsed,
    double BudgetPerSecond)
{
    /// <summary>Succeeded calls per second of wall time.</summary>
    public double AchievedPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    /// <summary>The achieved rate as a share of the budget (1 = exactly the budget).</summary>
    public double ShareOfBudget => BudgetPerSecond > 0 ? AchievedPerSecond / BudgetPerSecond : 0;

    /// <summary>The latency below which <paramref name="percent"/> % of succeeded calls finished.</summary>
    public TimeSpan Percentile(double percent)
    {
        if (Latencies.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = Latencies.OrderBy(l => l).ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
