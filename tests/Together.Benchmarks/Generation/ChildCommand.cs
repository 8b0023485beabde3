using System;
using System.Text.Json;

namespace Together.Benchmarks.Generation;

/// <summary>
/// The child side of a cold measurement: `generation --child ours|nswag SPEC` measures one generator on one spec in
/// this fresh process and prints the outcome as one JSON line after a marker, which the parent reads.
/// </summary>
public static class ChildCommand
{
    public const string Marker = "GENERATION-OUTCOME ";

    public static int Run(string generator, string specPath)
    {
        var outcome = generator switch
        {
            "ours" => OursRun.Measure(specPath),
            "nswag" => NSwagRun.Measure(specPath),
            _ => throw new ArgumentException($"unknown generator '{generator}'", nameof(generator)),
        };
        Console.WriteLine(Marker + JsonSerializer.Serialize(outcome));
        return 0;
    }
}
