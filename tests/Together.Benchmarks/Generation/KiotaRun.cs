using Together.Generated.Generator.Tests.RealSpecs;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Kiota on one spec: `kiota generate -l CSharp` as its own process (every run is a fresh one, timed from start to
/// exit), then its output compiled in memory against the Kiota libraries and its request builders matched.
/// </summary>
public static class KiotaRun
{
    public const string Name = "Kiota 1.38.0 (dotnet tool)";

    public static async Task<GenerationOutcome> MeasureAsync(string specPath, int specOperations)
    {
        var outcome = new GenerationOutcome
        {
            Generator = Name, Spec = Path.GetFileName(specPath), SpecOperations = specOperations,
        };
        if (await KiotaTool.EnsureInstalledAsync() is { } installFailure)
        {
            return outcome with { Failure = installFailure };
        }

        var output = Path.Combine(RepoPaths.Scratch, "kiota", Path.GetFileNameWithoutExtension(specPath));
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var run = await ProcessRunner.RunAsync(KiotaTool.Executable,
            new[] { "generate", "-l", "CSharp", "-d", specPath, "-o", output, "-c", "Client", "-n", "Ns" },
            new Dictionary<string, string>
            {
                ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false",
            });
        var log = run.Output + run.Error;
        // Offline here, Kiota's start-up check for a newer release fails; say so, since its time is in the total.
        var note = log.Contains("Unable to check for updates", StringComparison.Ordinal)
            ? "Kiota's own update check ran and failed offline (inside its time)"
            : null;
        if (run.ExitCode != 0 || run.TimedOut)
        {
            var last = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
            return outcome with { Failure = $"kiota exited {run.ExitCode}: {last}", Note = note };
        }

        var files = Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories);
        var texts = files.Select(File.ReadAllText).ToList();
        // Each tree keeps its file's path so that the first error reported names the file it is in.
        var trees = texts.Select((t, i) => CSharpSyntaxTree.ParseText(t, OutputCompiler.ParseOptions,
            Path.GetRelativePath(RepoPaths.Root, files[i]))).ToList();
        var (errors, firstError, byCode) =
            OutputCompiler.Errors(OutputCompiler.Create(trees, CompileReferences.Kiota()));
        var methods = KiotaOperations.Read(trees);
        var spec = OperationShapes.Shapes(SpecOperations.HttpOperations(specPath));
        return outcome with
        {
            ProcessToOutputMs = run.Elapsed.TotalMilliseconds,
            Files = files.Length,
            Lines = texts.Sum(OutputCompiler.Lines),
            CompileErrors = errors,
            FirstCompileError = firstError,
            CompileErrorCodes = byCode,
            OperationMethods = methods.Count,
            OperationsCovered = methods.ToHashSet().Intersect(spec).Count(),
            Unmatched = OperationShapes.Unmatched(methods, spec),
            Note = note,
        };
    }
}
