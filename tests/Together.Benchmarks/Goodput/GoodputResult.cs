using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Benchmarks;

/// <summary>What one client achieved against the emulator's limit: its own calls and the emulator's counts.</summary>
internal sealed record GoodputResult(
    string Client, GoodputSettings Settings, int Succeeded, int Failed, IReadOnlyList<StatsSample> Samples,
    IReadOnlyList<TimeSpan> Latencies)
{
    public const string Header =
        "| client | wall time | goodput (of the limit) | 429s received | 429s after the start | failed calls "
        + "| p50 | p99 |";

    public TimeSpan Wall => TimeSpan.FromSeconds(Samples[^1].Seconds);

    public long RateLimited => Samples[^1].RateLimited;

    public double Goodput => Succeeded / Wall.TotalSeconds / Settings.Limit;

    /// <summary>429s after the first <see cref="GoodputSettings.SettleSeconds"/>, and that span's requests.</summary>
    public (long RateLimited, long Requests) AfterStart
    {
        get
        {
            var start = Samples.LastOrDefault(s => s.Seconds <= Settings.SettleSeconds) ?? Samples[0];
            var end = Samples[^1];
            return (end.RateLimited - start.RateLimited, end.Total - start.Total);
        }
    }

    /// <summary>
    /// Accepted calls a second at each whole second of the run, averaged over the last <paramref name="span"/>
    /// seconds: the samples come every quarter second, so single seconds would show the sampling's jitter.
    /// </summary>
    public IReadOnlyList<double> PerSecond(int span = 5)
    {
        var seconds = (int)Math.Floor(Wall.TotalSeconds);
        var rates = new double[seconds];
        for (var second = 1; second <= seconds; second++)
        {
            var from = Math.Max(0, second - span);
            rates[second - 1] = (AcceptedAt(second) - AcceptedAt(from)) / (double)(second - from);
        }

        return rates;
    }

    public TimeSpan Percentile(double percent)
    {
        if (Latencies.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Row()
    {
        var (late, requests) = AfterStart;
        var lateShare = requests == 0 ? 0 : (double)late / requests;
        return $"| {Client} | {Wall.TotalSeconds:F1} s | {Goodput:P1} | {RateLimited} | {late} ({lateShare:P2}) | "
            + $"{Failed} | {Milliseconds(Percentile(50))} | {Milliseconds(Percentile(99))} |";
    }

    // Sub-10 ms latencies (calls that never waited) keep a decimal, so that they do not read as zero.
    private static string Milliseconds(TimeSpan latency) =>
        latency.TotalMilliseconds < 10 ? $"{latency.TotalMilliseconds:F1} ms" : $"{latency.TotalMilliseconds:F0} ms";

    // The emulator's accepted count at a moment, read off the nearest sample at or before it.
    private long AcceptedAt(double seconds) =>
        (Samples.LastOrDefault(s => s.Seconds <= seconds) ?? Samples[0]).Accepted;
}
