using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Together.Packaging.Tests;

/// <summary>
/// Packs Together.Generated and Together.Generated.Redis from this clone, once for the test class, with a version
/// unique to the run into a folder feed under a temporary directory. The build goes to that directory too
/// (<c>UseArtifactsOutput</c>), so the clone's own bin/ and obj/ stay untouched. Consumer projects made here use
/// that feed beside the machine's usual NuGet sources, and an empty package cache of their own.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    /// <summary>The longest one child process (a pack, a restore and build, a run) may take.</summary>
    public static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "together-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);

        // Stop MSBuild's search for Directory.* files at the temporary root.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
    }

    /// <summary>The version both packages get: 0.1.0-test.TICKS.</summary>
    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow.Ticks}";

    /// <summary>The temporary directory holding the feed, the build output, the package cache and consumers.</summary>
    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The consumers' own, initially empty, NuGet package cache (NUGET_PACKAGES).</summary>
    public string PackageCache => Path.Combine(Root, "nuget-packages");

    public string CorePackage => Path.Combine(Feed, $"Together.Generated.{Version}.nupkg");

    public string RedisPackage => Path.Combine(Feed, $"Together.Generated.Redis.{Version}.nupkg");

    public async ValueTask InitializeAsync()
    {
        foreach (var project in new[]
                 {
                     "runtime/Together.Generated/Together.Generated.csproj",
                     "runtime/Together.Generated.Redis/Together.Generated.Redis.csproj",
                 })
        {
            var result = await ChildProcess.RunAsync(ChildProcess.Dotnet,
                [
                    "pack", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "-o", Feed,
                    $"-p:Version={Version}", "-p:UseArtifactsOutput=true",
                    $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}", "-nodeReuse:false", "-nologo",
                ],
                RepositoryPaths.Root, ChildTimeout);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("Packing failed. " + result.Describe());
            }
        }
    }

    /// <summary>
    /// Makes a console project <paramref name="name"/> that references the core package, with its own nuget.config
    /// naming the feed, and a Program.cs that makes one chat call to TOGETHER_BASE_URL and prints the reply.
    /// </summary>
    public string CreateConsumer(string name, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- No <clear />: the machine's usual sources serve the packages' own dependencies. -->
                <add key="together-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Together.Generated" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Together;
            using Together.Models;

            try
            {
                using var client = new TogetherClient();
                var response = await client.Chat.ChatCompletionsAsync(new ChatCompletionRequest
                {
                    Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                    Messages = new List<ChatCompletionMessageParam>
                    {
                        new ChatCompletionUserMessageParam { Content = "Say hello." },
                    },
                    MaxTokens = 16,
                });
                Console.WriteLine($"REPLY: {response.Choices[0].Message?.Content}");
                return 0;
            }
            catch (Exception exception)
            {
                Console.WriteLine($"FAILED: {exception}");
                return 1;
            }
            """);
        foreach (var (target, source) in files)
        {
            File.Copy(source, Path.Combine(directory, target));
        }

        return directory;
    }

    /// <summary>Runs <c>dotnet</c> in <paramref name="directory"/> with the consumers' own package cache.</summary>
    public Task<ChildResult> DotnetAsync(string directory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["NUGET_PACKAGES"] = PackageCache,
        };
        return ChildProcess.RunAsync(ChildProcess.Dotnet, arguments, directory, ChildTimeout, variables);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
