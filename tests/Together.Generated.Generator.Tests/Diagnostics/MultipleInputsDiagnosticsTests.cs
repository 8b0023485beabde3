using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Diagnostics;

/// <summary>Two specs or two limits files: the first is used and the extra one is named in a warning.</summary>
public sealed class MultipleInputsDiagnosticsTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: First, version: '1.0'}
        paths:
          /first:
            get:
              operationId: first
              responses:
                '204': {description: Done.}
        """;

    private const string Limits = "version: 1\nlimiters:\n  key: {budget: 5}\nendpoints: []\n";

    [Fact]
    public void Run_TwoSpecs_WarnsTG006AtTheIgnoredSpecAndGeneratesFromTheFirst()
    {
        var second = Spec.Replace("/first", "/second").Replace("operationId: first", "operationId: second");

        var result = GeneratorHarness.Run(new[] { ("/a/openapi.yaml", Spec), ("/b/openapi.yaml", second) });

        DiagnosticAssert.DidNotCrash(result, "/a/openapi.yaml", "/b/openapi.yaml");
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("TG006", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(("/b/openapi.yaml", 0),
            (diagnostic.Location.GetLineSpan().Path, DiagnosticAssert.Line(diagnostic)));
        Assert.Contains("FirstAsync", result.Source("GeneralApi.g.cs"));
        Assert.DoesNotContain("SecondAsync", result.Source("GeneralApi.g.cs"));
    }

    [Fact]
    public void Run_TwoLimitsFiles_WarnsTG009AtTheIgnoredFile()
    {
        var files = new[] { ("/a/openapi.yaml", Spec), ("/a/one.limits.yaml", Limits), ("/a/two.limits.yaml", Limits) };

        var result = GeneratorHarness.Run(files);

        DiagnosticAssert.DidNotCrash(result, files.Select(f => f.Item1).ToArray());
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TG009", diagnostic.Id);
        Assert.Equal(("/a/two.limits.yaml", 0),
            (diagnostic.Location.GetLineSpan().Path, DiagnosticAssert.Line(diagnostic)));
        Assert.Empty(GeneratorHarness.Problems(result.Output));
    }
}
