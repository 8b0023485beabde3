using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.RealSpecs;

/// <summary>Each of the five real Together specs in ../shared generates a client that compiles cleanly.</summary>
public sealed class RealSpecTests
{
    public static TheoryData<string, int> Versions()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, operations) in SharedSpecs.Versions)
        {
            data.Add(file, operations);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void SharedSpec_WithDefaultLimits_CompilesWithoutWarningsAndCoversEveryOperation(string file, int expected)
    {
        var specPath = SharedSpecs.PathOf(file);
        var limitsPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml");

        var result = GeneratorHarness.Run(new[]
        {
            (specPath, File.ReadAllText(specPath)),
            (limitsPath, File.ReadAllText(limitsPath)),
        });

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));

        var generated = EndpointAttributes.Read(result.Output);
        var declared = SpecOperations.HttpOperations(specPath);
        Assert.Equal(expected, generated.Count);
        Assert.Equal(declared.OrderBy(o => o.Path).ThenBy(o => o.Method),
            generated.OrderBy(o => o.Path).ThenBy(o => o.Method));
    }
}
