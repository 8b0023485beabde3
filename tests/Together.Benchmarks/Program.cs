using System;
using System.IO;
using System.Threading.Tasks;
using Together.Benchmarks;

// Benchmarks, run by hand: `goodput`, `overhead`, or `all` (each in turn). Every command prints its Markdown
// tables and writes them (and the goodput chart) to tests/Together.Benchmarks/results/.
var command = args.Length > 0 ? args[0] : string.Empty;
var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "results"));
Directory.CreateDirectory(folder);
Func<Task<string>>? run = command switch
{
    "goodput" => () => GoodputCommand.RunAsync(args, folder),
    "overhead" => () => OverheadCommand.RunAsync(folder),
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine("usage: goodput [--limit R] [--calls N] [--concurrency C] | overhead");
    return 2;
}

Console.WriteLine(await run());
return 0;
