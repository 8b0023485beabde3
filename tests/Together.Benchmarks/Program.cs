using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Together.Benchmarks;
using Together.Benchmarks.Generation;

// Benchmarks, run by hand: `all` runs the four in turn (about 15 minutes here), or one of `generation`, `overhead`,
// `goodput [--limit R] [--calls N] [--concurrency C]`, `serialization`. Each prints its Markdown tables and writes
// them (and the goodput chart) to tests/Together.Benchmarks/results/.
var command = args.Length > 0 ? args[0] : string.Empty;
var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "results"));
Directory.CreateDirectory(folder);
switch (command)
{
    case "generation":
        // Also the entry point of the fresh processes it starts for each cold measurement (`generation --child`).
        return await GenerationCommand.RunAsync(args[1..]);
    case "overhead" when args.Contains("--paired"):
        // Only the quick paired comparison, printed and not written: for checking a change.
        Console.WriteLine(await PairedRounds.RunAsync());
        return 0;
    case "overhead":
        Console.WriteLine(await OverheadCommand.RunAsync(folder));
        return 0;
    case "goodput":
        Console.WriteLine(await GoodputCommand.RunAsync(args, folder));
        return 0;
    case "serialization":
        Console.WriteLine(await SerializationCommand.RunAsync(folder));
        return 0;
    case "all":
        var generation = await GenerationCommand.RunAsync([]);
        var overhead = await OverheadCommand.RunAsync(folder);
        var goodput = await GoodputCommand.RunAsync(args, folder);
        var serialization = await SerializationCommand.RunAsync(folder);
        Console.WriteLine(string.Join(Environment.NewLine + Environment.NewLine, overhead, goodput, serialization));
        return generation;
    default:
        Console.Error.WriteLine(
            "usage: all | generation | overhead | goodput [--limit R] [--calls N] [--concurrency C] | serialization");
        return 2;
}
