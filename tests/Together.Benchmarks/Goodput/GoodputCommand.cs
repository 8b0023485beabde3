using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Together.Benchmarks;

/// <summary>
/// <c>goodput [--limit R] [--calls N] [--concurrency C]</c>: the same workload through four clients, one after
/// another, against the emulator enforcing R calls a second per model. Prints a Markdown table, writes it to
/// <c>results/goodput.md</c> and the chart to <c>results/goodput.png</c>.
/// </summary>
internal static class GoodputCommand
{
    public static async Task<string> RunAsync(string[] args, string resultsFolder)
    {
        var defaults = new GoodputSettings();
        var settings = new GoodputSettings(
            Options.Int(args, "--limit", defaults.Limit),
            Options.Int(args, "--calls", defaults.Calls),
            Options.Int(args, "--concurrency", defaults.Concurrency));
        var results = await GoodputRun.RunAsync(settings);
        var table = string.Join(Environment.NewLine, new[]
        {
            $"Goodput under a quota: {settings.Calls} chat calls at concurrency {settings.Concurrency}, emulator limit "
                + $"{settings.Limit}/s per model (strict sliding one-second window), {DateTime.UtcNow:yyyy-MM-dd}. "
                + $"\"After the start\": after the first {settings.SettleSeconds:F0} s, as a share of that span's "
                + "requests.",
            string.Empty,
            GoodputResult.Header,
            "|---|---|---|---|---|---|---|---|",
        }.Concat(results.Select(r => r.Row())));
        await File.WriteAllTextAsync(Path.Combine(resultsFolder, "goodput.md"), table + Environment.NewLine);
        GoodputChart.Save(results, settings, Path.Combine(resultsFolder, "goodput.png"));
        return table;
    }
}
