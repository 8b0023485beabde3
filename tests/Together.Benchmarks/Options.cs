using System;

namespace Together.Benchmarks;

/// <summary>Reads <c>--name value</c> options from the command line.</summary>
internal static class Options
{
    public static int Int(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}
