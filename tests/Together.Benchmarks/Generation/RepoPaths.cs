using System;
using System.IO;
using System.Linq;

namespace Together.Benchmarks.Generation;

/// <summary>Where the inputs are: the repository (found from the build output) and the shared specs beside it.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Limits => Path.Combine(Root, "spec", "together.limits.yaml");

    /// <summary>Together's real specs, read in place from ../shared, never copied into the repository.</summary>
    public static string SharedSpecs => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "together"));

    /// <summary>Scratch space for peers' output and the Kiota tool: under this project's obj/, which git ignores.
    /// </summary>
    public static string Scratch => Path.Combine(Root, "tests", "Together.Benchmarks", "obj", "generation");

    public static string Results => Path.Combine(Root, "tests", "Together.Benchmarks", "results");

    /// <summary>The spec files, oldest first: their names carry the date, so ordinal order is age order.</summary>
    public static string[] SpecFiles() =>
        Directory.Exists(SharedSpecs)
            ? Directory.GetFiles(SharedSpecs, "openapi-*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Together.Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ??
            throw new InvalidOperationException("Together.Generated.sln not found above the benchmarks' output.");
    }
}
