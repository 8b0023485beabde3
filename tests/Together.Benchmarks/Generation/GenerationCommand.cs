using Together.Generated.Generator.Tests.RealSpecs;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Together.Benchmarks.Generation;

/// <summary>
/// `generation`: our generator cold on each of Together's spec versions in ../shared, then ours, NSwag and Kiota side
/// by side on the newest; every number is measured by this run. Prints Markdown and writes results/generation.md.
/// </summary>
public static class GenerationCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 3 && args[0] == "--child")
        {
            return ChildCommand.Run(args[1], args[2]);
        }

        var specs = RepoPaths.SpecFiles();
        if (specs.Length == 0)
        {
            Console.Error.WriteLine($"No openapi-*.yaml in {RepoPaths.SharedSpecs}: nothing to measure.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var versions = new List<GenerationOutcome>();
        foreach (var spec in specs)
        {
            Console.Error.WriteLine($"ours: {Path.GetFileName(spec)}");
            versions.Add(await ChildLauncher.MeasureAsync("ours", "Together.Generated (ours)", spec, Count(spec)));
        }

        // The newest spec's row above already is ours measured cold on it; it is reused, not measured again.
        var newest = specs[^1];
        Console.Error.WriteLine($"nswag, kiota: {Path.GetFileName(newest)}");
        var peers = new List<GenerationOutcome>
        {
            versions[^1],
            await ChildLauncher.MeasureAsync("nswag", NSwagRun.Name, newest, Count(newest)),
            await KiotaRun.MeasureAsync(newest, Count(newest)),
        };

        var text = string.Join(Environment.NewLine, Report(versions, peers, Path.GetFileName(newest), clock.Elapsed));
        Console.WriteLine(text);
        Directory.CreateDirectory(RepoPaths.Results);
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Results, "generation.md"), text + Environment.NewLine);
        return 0;
    }

    private static int Count(string spec) => SpecOperations.HttpOperations(spec).Count;

    private static IEnumerable<string> Report(IReadOnlyList<GenerationOutcome> versions,
        IReadOnlyList<GenerationOutcome> peers, string newest, TimeSpan elapsed)
    {
        yield return $"Generation, {DateTime.UtcNow:yyyy-MM-dd}: {Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}; "
            + $"specs read from ../shared/specs/together.";
        yield return string.Empty;
        yield return "Our generator, cold, on each spec version:";
        yield return string.Empty;
        foreach (var line in GenerationTables.Versions(versions))
        {
            yield return line;
        }

        yield return string.Empty;
        yield return $"Side by side on the newest spec, {newest}:";
        yield return string.Empty;
        foreach (var line in GenerationTables.Peers(peers))
        {
            yield return line;
        }

        yield return string.Empty;
        foreach (var line in GenerationNotes.Lines)
        {
            yield return line;
        }

        foreach (var line in GenerationTables.Details(versions.Concat(peers.Skip(1))))
        {
            yield return line;
        }

        yield return string.Empty;
        yield return $"The whole command took {elapsed.TotalSeconds:0} s.";
    }
}
