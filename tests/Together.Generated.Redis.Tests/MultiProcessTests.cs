using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;

namespace Together.Generated.Redis.Tests;

/// <summary>
/// Three real processes (the worker program) share one key's budget through the store, calling the emulator over
/// loopback sockets; the emulator's own count of what it accepted is the judge.
/// </summary>
public sealed class MultiProcessTests
{
    private const int PerMinute = 600;
    private const int Seconds = 30;

    [Fact]
    public async Task ThreeWorkerProcesses_ShareOneKeysBudget_AggregateWithinTwoPercentNoCallLost()
    {
        using var redis = RedisServer.Start();
        await using var emulator = await EmulatorApp.StartAsync(
            new EmulatorOptions { RequestsPerSecond = 0 }, cancellationToken: TestContext.Current.CancellationToken);
        var prefix = "together-test:" + Guid.NewGuid().ToString("N")[..8];
        var worker = WorkerPath();

        var (from, until) = (DateTimeOffset.UtcNow.AddSeconds(5), DateTimeOffset.UtcNow.AddSeconds(Seconds));
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunAsync(
            worker, redis.Endpoint, prefix, emulator.BaseUrl, from, until)));

        // The rate over a window that starts once every process is warm and ends before the first one stops.
        var stats = emulator.State.GetStats();
        var fields = runs.Select(r => r.Output.Split(' ')).ToArray();
        var budget = PerMinute / 60.0;
        var rate = fields.Sum(f => long.Parse(f[5])) / (until - from).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"3 processes: {string.Join("; ", fields.Select(f => $"{f[1]} succeeded, {f[3]} failed"))}; from 5 s to "
            + $"{Seconds} s they got {rate:F2}/s together against a budget of {budget}/s ({rate / budget:P1}); the "
            + $"emulator accepted {stats.AcceptedRequests} in all");
        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(stats.AcceptedRequests, fields.Sum(f => long.Parse(f[1])));
        Assert.True(rate <= 1.02 * budget, $"{rate:F2}/s");
        Assert.True(rate >= 0.85 * budget, $"{rate:F2}/s: the budget is shared, not lost");
    }

    // The worker runs from its own build output, with its own dependencies: bin/<configuration>/net10.0 beside ours.
    private static string WorkerPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Together.SharedBudget.Worker", "bin", configuration, output.Name,
            "Together.SharedBudget.Worker.dll");
        Assert.True(File.Exists(path), $"The worker is not built at {path}.");
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string worker, string redis, string prefix, string baseUrl, DateTimeOffset from, DateTimeOffset until)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                worker, redis, prefix, baseUrl, PerMinute.ToString(CultureInfo.InvariantCulture),
                (Seconds + 3).ToString(CultureInfo.InvariantCulture),
                from.UtcTicks.ToString(CultureInfo.InvariantCulture),
                until.UtcTicks.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var text = (await output).Trim();
        Assert.True(process.ExitCode == 0, $"worker failed: {text} {await errors}");
        return (process.ExitCode, text);
    }
}
