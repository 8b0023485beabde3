using System;
using System.IO;
using System.Threading.Tasks;

namespace Together.Benchmarks.Generation;

/// <summary>
/// The Kiota CLI, installed on first use as a dotnet tool under this project's obj/ (git ignores it), so the
/// benchmark needs no global tool and a second run reuses the install.
/// </summary>
public static class KiotaTool
{
    public const string Version = "1.38.0";

    private static string ToolPath => Path.Combine(RepoPaths.Scratch, "tools");

    public static string Executable => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");

    /// <summary>Installs the pinned version unless it is already there; returns a failure message or null.</summary>
    public static async Task<string?> EnsureInstalledAsync()
    {
        var store = Path.Combine(ToolPath, ".store", "microsoft.openapi.kiota", Version);
        if (File.Exists(Executable) && Directory.Exists(store))
        {
            return null;
        }

        var install = await ProcessRunner.RunAsync("dotnet",
            new[] { "tool", "install", "Microsoft.OpenApi.Kiota", "--version", Version, "--tool-path", ToolPath });
        return install.ExitCode == 0 && File.Exists(Executable)
            ? null
            : $"`dotnet tool install Microsoft.OpenApi.Kiota --version {Version}` failed: " +
                (install.Error.Trim().Length > 0 ? install.Error.Trim() : install.Output.Trim());
    }
}
