using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;

namespace Together.Packaging.Tests;

/// <summary>
/// The packages as a user gets them: their contents, and a fresh console project that references the core package,
/// drops in a spec and a limits file, builds, and calls the emulator over loopback in a process of its own.
/// </summary>
public sealed class PackageTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    private static readonly string[] GeneratorFiles =
    [
        "Together.Generated.Generator.dll",
        "Microsoft.OpenApi.dll",
        "Microsoft.OpenApi.YamlReader.dll",
        "SharpYaml.dll",
        "YamlDotNet.dll",
    ];

    [Fact]
    public void CorePackage_Packed_CarriesGeneratorWithDependenciesRuntimeAndBuildFilesButNoRedis()
    {
        using var package = ZipFile.OpenRead(feed.CorePackage);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var listing = string.Join("\n", entries);

        foreach (var file in GeneratorFiles)
        {
            var path = $"analyzers/dotnet/cs/{file}";
            Assert.True(entries.Contains(path), $"{path} missing:\n{listing}");
        }

        foreach (var file in new[]
                 {
                     "lib/net8.0/Together.Generated.dll", "lib/net10.0/Together.Generated.dll",
                     "build/Together.Generated.props", "build/Together.Generated.targets",
                     "buildTransitive/Together.Generated.props", "buildTransitive/Together.Generated.targets",
                     "README.md",
                 })
        {
            Assert.True(entries.Contains(file), $"{file} missing:\n{listing}");
        }

        Assert.DoesNotContain(entries, e => e.Contains("StackExchange.Redis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Extensions.AI", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains("Together.Generated.Redis", StringComparison.OrdinalIgnoreCase));

        var nuspec = ReadNuspec(package);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        Assert.Contains($"<version>{feed.Version}</version>", nuspec, StringComparison.Ordinal);
        Assert.Contains("id=\"Polly.Core\"", nuspec, StringComparison.Ordinal);
        Assert.Contains("id=\"System.Threading.RateLimiting\"", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("StackExchange.Redis", nuspec, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.Extensions.AI", nuspec, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.OpenApi", nuspec, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RedisPackage_Packed_DependsOnCorePackageOfSameVersionAndStackExchangeRedis()
    {
        using var package = ZipFile.OpenRead(feed.RedisPackage);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = ReadNuspec(package);

        Assert.Contains("lib/net8.0/Together.Generated.Redis.dll", entries);
        Assert.Contains("lib/net10.0/Together.Generated.Redis.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.Contains($"<dependency id=\"Together.Generated\" version=\"{feed.Version}\"", nuspec,
            StringComparison.Ordinal);
        Assert.Contains("id=\"StackExchange.Redis\"", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshConsoleProject_CorePackageWithNewestSharedSpec_BuildsAndItsChatCallSucceeds()
    {
        var spec = RepositoryPaths.NewestSharedSpec();
        // The two files dropped beside the project under the names the package's convention looks for: nothing
        // else to configure.
        var project = feed.CreateConsumer("ChatConsumer", new Dictionary<string, string>
        {
            ["openapi.yaml"] = spec,
            ["together.limits.yaml"] = RepositoryPaths.LimitsFile,
        });

        var build = await feed.DotnetAsync(project, ["build", "-c", "Release", "-nodeReuse:false", "-nologo"]);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS9057", build.Output, StringComparison.Ordinal);

        // On a real loopback port: the consumer is a process of its own.
        await using var emulator =
            await EmulatorApp.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var run = await feed.DotnetAsync(project,
            [Path.Combine(project, "bin", "Release", "net10.0", "ChatConsumer.dll")],
            new Dictionary<string, string>
            {
                ["TOGETHER_BASE_URL"] = emulator.BaseUrl,
                ["TOGETHER_API_KEY"] = "packaging-test-key",
            });

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("REPLY: ", run.Output, StringComparison.Ordinal);
        var stats = emulator.State.GetStats();
        Assert.True(stats.AcceptedRequests >= 1, $"The emulator saw no accepted request. {run.Describe()}");
    }

    [Fact]
    public async Task FreshConsoleProject_CompilerApiOlderThanRoslyn414_FailsWithTGEN001()
    {
        var project = feed.CreateConsumer("OldCompilerConsumer", new Dictionary<string, string>
        {
            ["openapi.yaml"] = RepositoryPaths.SpecFile,
            ["together.limits.yaml"] = RepositoryPaths.LimitsFile,
        });

        // CompilerApiVersion is what the SDK's compiler targets report (roslyn5.9 with the .NET SDK 10.0.401); an
        // older value stands for an older SDK or Visual Studio.
        var build = await feed.DotnetAsync(project,
            ["build", "-c", "Release", "-nodeReuse:false", "-nologo", "-p:CompilerApiVersion=roslyn4.8"]);

        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.True(build.Output.Contains("error TGEN001", StringComparison.Ordinal), build.Describe());
        Assert.True(build.Output.Contains("roslyn4.14", StringComparison.Ordinal), build.Describe());
        Assert.True(build.Output.Contains("roslyn4.8", StringComparison.Ordinal), build.Describe());
    }

    private static string ReadNuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
