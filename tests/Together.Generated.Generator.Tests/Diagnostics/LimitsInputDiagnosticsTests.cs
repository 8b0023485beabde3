using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Diagnostics;

/// <summary>A broken limits file beside a good spec: its errors are located; unreadable ones stop the client.</summary>
public sealed class LimitsInputDiagnosticsTests
{
    private const string SpecPath = "/diagnostics/openapi.yaml";

    private const string LimitsPath = "/diagnostics/together.limits.yaml";

    private const string Spec = """
        openapi: 3.1.0
        info: {title: Limited, version: '1.0'}
        paths:
          /models:
            get:
              operationId: listModels
              tags: [Models]
              responses:
                '204': {description: Done.}
        """;

    private const string InvalidBudget = """
        version: 1
        limiters:
          key:
            budget: -5
        endpoints:
          - operation_id: listModels
            limiters: [key]
        """;

    [Fact]
    public void Run_LimitsWithInvalidValue_ReportsTG102AtTheValueAsAnError()
    {
        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec), (LimitsPath, InvalidBudget) });

        DiagnosticAssert.DidNotCrash(result, SpecPath, LimitsPath);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("TG102", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(LimitsPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(DiagnosticAssert.LineOf(InvalidBudget, "budget: -5"), DiagnosticAssert.Line(diagnostic));
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void Run_LimitsWithInvalidValue_StillGeneratesTheClientWithTheDefaultInItsPlace()
    {
        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec), (LimitsPath, InvalidBudget) });

        Assert.Contains(result.GeneratedTrees,
            t => t.FilePath.EndsWith("TogetherClient.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("new[] { \"key\" }", result.Source("TogetherEndpoints.g.cs"));
        Assert.Empty(GeneratorHarness.Problems(result.Output));
    }

    [Fact]
    public void Run_LimitsWithUnsupportedVersion_ReportsTG104AtTheVersionAndGeneratesNoClient()
    {
        var limits = InvalidBudget.Replace("version: 1", "version: 2").Replace("budget: -5", "budget: 5");

        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec), (LimitsPath, limits) });

        DiagnosticAssert.DidNotCrash(result, SpecPath, LimitsPath);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("TG104", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal((LimitsPath, 0), (diagnostic.Location.GetLineSpan().Path, DiagnosticAssert.Line(diagnostic)));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Run_LimitsNotYaml_ReportsTG100AtTheFaultAndGeneratesNoClient()
    {
        const string Limits = "version: 1\nlimiters:\n  key:\n    budget: 5\n  - x\n";

        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec), (LimitsPath, Limits) });

        DiagnosticAssert.DidNotCrash(result, SpecPath, LimitsPath);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("TG100", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(DiagnosticAssert.LineOf(Limits, "- x"), DiagnosticAssert.Line(diagnostic));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Run_LimitsWithUnclosedFlowMapping_ReportsTG100AndGeneratesNoClient()
    {
        const string Limits = "version: 1\nlimiters:\n  key: {budget: 5\nendpoints: []\n";

        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec), (LimitsPath, Limits) });

        DiagnosticAssert.DidNotCrash(result, SpecPath, LimitsPath);
        Assert.Equal("TG100", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.GeneratedTrees);
    }
}
