using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Together.Benchmarks;

/// <summary>
/// <c>overhead</c>: BenchmarkDotNet, in this process, on a generated chat call against a hand-written one (both to
/// the same loopback server) and on an uncontended limiter acquisition. Prints a Markdown table and writes it to
/// <c>results/overhead.md</c>; BenchmarkDotNet's own reports go to <c>obj/BenchmarkDotNet</c>.
/// </summary>
internal static class OverheadCommand
{
    public static async Task<string> RunAsync(string resultsFolder)
    {
        var config = InProcessConfig.Create(warmups: 5, iterations: 30);
        var summaries = new[]
        {
            BenchmarkRunner.Run<CallOverheadBenchmarks>(config),
            BenchmarkRunner.Run<LimiterBenchmarks>(config),
        };
        var rows = summaries.SelectMany(Rows).ToArray();
        var calls = summaries[0];
        var ratio = Mean(calls, nameof(CallOverheadBenchmarks.Generated))
            / Mean(calls, nameof(CallOverheadBenchmarks.HandWritten));
        var table = string.Join(Environment.NewLine, new[]
        {
            $"Per-call overhead (BenchmarkDotNet, in-process, {DateTime.UtcNow:yyyy-MM-dd}, "
                + $"{Environment.ProcessorCount} cores). A chat call to a loopback server that answers a canned "
                + "completion; the limiter rows acquire and release with nobody else waiting.",
            string.Empty,
            "| benchmark | mean | standard error | ratio to hand-written | allocated |",
            "|---|---|---|---|---|",
        }.Concat(rows).Append(string.Empty).Append(
            $"Generated call (same handler) / hand-written call, BenchmarkDotNet means: {ratio:F3}.")
            .Append(string.Empty).Append(await PairedRounds.RunAsync()));
        return await WriteAsync(resultsFolder, table);
    }

    private static async Task<string> WriteAsync(string folder, string table)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "overhead.md"), table + Environment.NewLine);
        return table;
    }

    private static IEnumerable<string> Rows(Summary summary)
    {
        var baseline = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            // Only the call benchmarks have a baseline; the limiter rows show "-".
            var ratio = baseline?.ResultStatistics is { } b && stats is not null ? $"{stats.Mean / b.Mean:F3}" : "-";
            yield return $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | "
                + $"{Micro(stats?.Mean)} | {Micro(stats?.StandardError)} | {ratio} | {allocated:N0} B |";
        }
    }

    private static double Mean(Summary summary, string method) =>
        summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Mean;

    private static string Micro(double? nanoseconds) =>
        nanoseconds is { } ns ? $"{ns / 1000:F2} µs" : "n/a";
}
