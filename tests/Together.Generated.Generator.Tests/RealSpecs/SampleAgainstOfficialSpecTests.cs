using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.RealSpecs;

/// <summary>
/// The quickstart's client code (its <c>Client/</c> folder: the tour and the load; the console UI around it needs
/// no client), written against the client generated from this project's spec, also compiles against the client
/// generated from the newest official spec: replacing spec/openapi.yaml with Together's is safe.
/// </summary>
public sealed class SampleAgainstOfficialSpecTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(SharedSpecs.Newest)]
    public void QuickstartSources_WithSpec_CompileWithoutWarnings(string? sharedSpec)
    {
        var specPath = sharedSpec is null
            ? Path.Combine(SharedSpecs.RepositoryRoot, "spec", "openapi.yaml")
            : SharedSpecs.PathOf(sharedSpec);
        var limitsPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml");
        var sampleSources = Directory.GetFiles(
                Path.Combine(SharedSpecs.RepositoryRoot, "samples", "Together.Quickstart", "Client"), "*.cs",
                SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/"))
            .Select(File.ReadAllText)
            .ToList();
        Assert.NotEmpty(sampleSources);

        var result = GeneratorHarness.Run(
            new[] { (specPath, File.ReadAllText(specPath)), (limitsPath, File.ReadAllText(limitsPath)) },
            sampleSources,
            outputKind: OutputKind.DynamicallyLinkedLibrary);

        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
