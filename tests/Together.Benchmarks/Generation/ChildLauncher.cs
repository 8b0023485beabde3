using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Starts this harness again as `generation --child GENERATOR SPEC`, so that each measurement is a first run in a
/// fresh process (nothing JIT-compiled, loaded or cached by an earlier one), and reads back its outcome.
/// </summary>
public static class ChildLauncher
{
    public static async Task<GenerationOutcome> MeasureAsync(string generator, string name, string specPath,
        int specOperations)
    {
        // Under `dotnet run` this process is the apphost; started as `dotnet X.dll` it is dotnet, which needs the dll.
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new[] { Assembly.GetEntryAssembly()!.Location }
            : Array.Empty<string>();
        var run = await ProcessRunner.RunAsync(host,
            arguments.Concat(new[] { "generation", "--child", generator, specPath }));

        var line = run.Output.Split('\n')
            .FirstOrDefault(l => l.StartsWith(ChildCommand.Marker, StringComparison.Ordinal));
        if (line is not null && run.ExitCode == 0)
        {
            return JsonSerializer.Deserialize<GenerationOutcome>(line[ChildCommand.Marker.Length..])!;
        }

        var why = run.TimedOut ? "timed out" : $"exited {run.ExitCode}";
        var last = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
        return new GenerationOutcome
        {
            Generator = name, Spec = Path.GetFileName(specPath), SpecOperations = specOperations,
            Failure = $"measuring process {why}: {last.Trim()}",
        };
    }
}
