using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.AI;

/// <summary>
/// The Microsoft.Extensions.AI adapters are emitted only when the compilation references Microsoft.Extensions.AI
/// and Together.Generated.AI, and only for the shapes the spec has; where emitted, they compile cleanly.
/// </summary>
public sealed class AIAdapterGenerationTests
{
    private static readonly string[] AdapterFiles = { "TogetherChatClient.g.cs", "TogetherEmbeddingGenerator.g.cs" };

    [Fact]
    public void Generate_MicrosoftExtensionsAINotReferenced_EmitsNothingAboutIt()
    {
        var result = GeneratorHarness.Run(RepoFiles(), referenceAI: false);

        var sources = result.RunResult.Results.SelectMany(r => r.GeneratedSources).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => AdapterFiles.Contains(s.HintName));
        Assert.DoesNotContain(sources, s => s.SourceText.ToString().Contains("Microsoft.Extensions.AI",
            StringComparison.Ordinal));
        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public void Generate_MicrosoftExtensionsAIReferenced_EmitsBothAdaptersWithoutWarnings()
    {
        var result = GeneratorHarness.Run(RepoFiles());

        var hints = result.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.All(AdapterFiles, file => Assert.Contains(file, hints));
        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    public static TheoryData<string> Versions() => new(SharedSpecs.Versions.Select(v => v.File));

    [Theory]
    [MemberData(nameof(Versions))]
    public void Generate_SharedSpecWithAIReferenced_EmitsBothAdaptersWithoutWarnings(string file)
    {
        var specPath = SharedSpecs.PathOf(file);
        var limitsPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml");

        var result = GeneratorHarness.Run(new[]
        {
            (specPath, File.ReadAllText(specPath)),
            (limitsPath, File.ReadAllText(limitsPath)),
        });

        var hints = result.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            file + ": " + string.Join(", ", AdapterFiles.Where(hints.Contains)));
        Assert.All(AdapterFiles, adapter => Assert.Contains(adapter, hints));
        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    private static (string, string)[] RepoFiles()
    {
        var spec = Path.Combine(AppContext.BaseDirectory, "RepoSpec", "openapi.yaml");
        var limits = Path.Combine(AppContext.BaseDirectory, "RepoSpec", "together.limits.yaml");
        return new[] { (spec, File.ReadAllText(spec)), (limits, File.ReadAllText(limits)) };
    }
}
