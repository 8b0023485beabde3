using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Benchmarks;

/// <summary>What one client achieved against the emulator's limit of <paramref name="Limit"/> calls a second.</summary>
internal sealed record GoodputResult(
    string Client, int Calls, int Succeeded, int Failed, int RateLimited, TimeSpan Wall,
    IReadOnlyList<TimeSpan> Latencies, double Limit)
{
    public double Goodput => Succeeded / Wall.TotalSeconds / Limit;

    public TimeSpan Percentile(double percent)
    {
        if (Latencies.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Row() =>
        $"| {Client} | {Wall.TotalSeconds:F1} s | {Goodput:P1} | {RateLimited} | {Failed} | "
        + $"{Percentile(50).TotalMilliseconds:F0} ms | {Percentile(99).TotalMilliseconds:F0} ms |";
}
