using System;
using System.IO;

namespace Together.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// The real Together specs in <c>../shared/specs/together/</c> beside the repository. They are read from there,
/// never copied. Outside CI a missing folder skips the tests that need it; under <c>CI=true</c> it fails them.
/// </summary>
public static class SharedSpecs
{
    /// <summary>The five versions, oldest first, with the count of non-websocket operations in each.</summary>
    public static readonly (string File, int Operations)[] Versions =
    {
        ("openapi-2024-08-26.yaml", 16),
        ("openapi-2025-07-07.yaml", 33),
        ("openapi-2025-11-26.yaml", 46),
        ("openapi-2026-03-26.yaml", 96),
        ("openapi-2026-04-28.yaml", 97),
    };

    public const string Newest = "openapi-2026-04-28.yaml";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs", "together"));

    /// <summary>The full path of one shared spec; skips (or, under CI, fails) when the folder is missing.</summary>
    public static string PathOf(string file)
    {
        var path = Path.Combine(Directory, file);
        if (File.Exists(path))
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but the shared spec {path} is missing.");
        }

        Assert.Skip($"The shared specs folder {Directory} is not beside this clone.");
        return path;
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
