using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Together.Benchmarks.Generation;

/// <summary>Runs one process to its end, capturing its output and timing it from start to exit.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed, bool TimedOut);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var timedOut = await Task.WhenAny(exited, Task.Delay(timeout ?? TimeSpan.FromMinutes(4))) != exited;
        if (timedOut)
        {
            // Only this child (and what it started) is ended: the benchmark must stay inside its time budget.
            process.Kill(entireProcessTree: true);
            await exited;
        }

        clock.Stop();
        return new Result(process.ExitCode, await output, await error, clock.Elapsed, timedOut);
    }
}
