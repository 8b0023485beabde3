using System;
using System.IO;
using System.Linq;
using Together.Benchmarks;
using Together.Benchmarks.Generation;

// `generation`: this generator against NSwag and Kiota on Together's specs in ../shared (GenerationCommand says how);
// writes tests/Together.Benchmarks/results/generation.md.
if (args.Length > 0 && args[0] == "generation")
{
    return await GenerationCommand.RunAsync(args[1..]);
}

// `goodput [--limit R] [--calls N] [--concurrency C]`: the same workload through four clients against the emulator
// enforcing R calls a second (default 20; 1,200 calls at concurrency 64, about a minute per client). Prints a
// Markdown table and writes it to tests/Together.Benchmarks/results/goodput.md beside this project.
if (args.Length == 0 || args[0] != "goodput")
{
    Console.Error.WriteLine("usage: goodput [--limit R] [--calls N] [--concurrency C] | generation");
    return 2;
}

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;

var (limit, calls, concurrency) = (Option("--limit", 20), Option("--calls", 1200), Option("--concurrency", 64));
var results = await GoodputRun.RunAsync(limit, calls, concurrency);
var table = string.Join(Environment.NewLine, new[]
{
    $"Goodput under a quota: {calls} chat calls at concurrency {concurrency}, emulator limit {limit}/s per model "
        + $"(strict sliding one-second window), {DateTime.UtcNow:yyyy-MM-dd}.",
    string.Empty,
    "| client | wall time | goodput (of the limit) | 429s received | failed calls | p50 | p99 |",
    "|---|---|---|---|---|---|---|",
}.Concat(results.Select(r => r.Row())));
Console.WriteLine(table);
var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "results");
Directory.CreateDirectory(folder);
await File.WriteAllTextAsync(Path.Combine(folder, "goodput.md"), table + Environment.NewLine);
return 0;
