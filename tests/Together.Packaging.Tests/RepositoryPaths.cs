using System;
using System.IO;
using System.Linq;

namespace Together.Packaging.Tests;

/// <summary>
/// The clone these tests run from, and the real Together specs in <c>../shared/specs/together/</c> beside it (read
/// from there, never copied into the repository). Outside CI a missing folder skips the test that needs it; under
/// <c>CI=true</c> it fails it.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedSpecs =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "together"));

    /// <summary>The repository's own limits file, spec/together.limits.yaml.</summary>
    public static string LimitsFile => Path.Combine(Root, "spec", "together.limits.yaml");

    /// <summary>The repository's own spec, spec/openapi.yaml.</summary>
    public static string SpecFile => Path.Combine(Root, "spec", "openapi.yaml");

    /// <summary>The newest shared spec, by its dated file name; skips (under CI: fails) when there is none.</summary>
    public static string NewestSharedSpec()
    {
        var newest = Directory.Exists(SharedSpecs)
            ? Directory.GetFiles(SharedSpecs, "openapi-*.yaml").OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (newest is not null)
        {
            return newest;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but no shared spec is in {SharedSpecs}.");
        }

        Assert.Skip($"The shared specs folder {SharedSpecs} is not beside this clone.");
        return string.Empty;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Together.Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ??
            throw new InvalidOperationException("Together.Generated.sln not found above the tests.");
    }
}
