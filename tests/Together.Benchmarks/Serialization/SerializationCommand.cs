using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Together.Benchmarks;

/// <summary>
/// <c>serialization</c>: BenchmarkDotNet on <see cref="SerializationBenchmarks"/>, the emitted metadata against
/// reflection. Prints a Markdown table and writes it to <c>results/serialization.md</c>.
/// </summary>
internal static class SerializationCommand
{
    public static async Task<string> RunAsync(string resultsFolder)
    {
        var config = InProcessConfig.Create(warmups: 5, iterations: 20);
        var summary = BenchmarkRunner.Run<SerializationBenchmarks>(config);
        var table = string.Join(Environment.NewLine, new[]
        {
            $"Serialization (BenchmarkDotNet, in-process, {DateTime.UtcNow:yyyy-MM-dd}, "
                + $"{Environment.ProcessorCount} cores): the generated types through the metadata the generator "
                + "emits and through reflection-based System.Text.Json, same web defaults.",
            string.Empty,
            "| operation | through | mean | standard error | ratio to reflection | allocated |",
            "|---|---|---|---|---|---|",
        }.Concat(Rows(summary)));
        await File.WriteAllTextAsync(Path.Combine(resultsFolder, "serialization.md"), table + Environment.NewLine);
        return table;
    }

    private static IEnumerable<string> Rows(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var category = report.BenchmarkCase.Descriptor.Categories.Single();
            var baseline = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.Baseline
                && r.BenchmarkCase.Descriptor.Categories.Contains(category));
            var stats = report.ResultStatistics;
            var ratio = baseline.ResultStatistics is { } b && stats is not null ? $"{stats.Mean / b.Mean:F2}" : "n/a";
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            var through = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            yield return $"| {category} | {through} | "
                + $"{Nano(stats?.Mean)} | {Nano(stats?.StandardError)} | {ratio} | {allocated:N0} B |";
        }
    }

    private static string Nano(double? nanoseconds) => nanoseconds is { } ns ? $"{ns:N0} ns" : "n/a";
}
