using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Diagnostics;

/// <summary>Broken, empty, truncated and unusual specs: the generator reports, it never crashes.</summary>
public sealed class SpecInputDiagnosticsTests
{
    private const string SpecPath = "/diagnostics/openapi.yaml";

    private const string MissingRef = """
        openapi: 3.1.0
        info: {title: Missing, version: '1.0'}
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: {type: string}
                owner: {$ref: '#/components/schemas/Owner'}
        """;

    private const string JsonSpec = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Json API", "version": "1.0"},
          "paths": {
            "/models/{id}": {
              "get": {
                "operationId": "getModel",
                "tags": ["Models"],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {
                  "200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Model"}}}
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Model": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}, "created": {"type": "integer", "format": "int64"}}
              }
            }
          }
        }
        """;

    [Fact]
    public void Run_GarbageAfterAnOpenApiLine_ReportsUnreadableAtTheStartAndGeneratesNothing()
    {
        var result = GeneratorHarness.Run(new[] { (SpecPath, "openapi: 3.1.0\n\t: : [ {{{ not yaml\n  - x: ]\n") });

        DiagnosticAssert.DidNotCrash(result, SpecPath);
        Assert.Equal(new[] { "TG001", "TG002" }, DiagnosticAssert.Ids(result));
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal(0, DiagnosticAssert.Line(d)));
        Assert.Equal(DiagnosticSeverity.Error, result.GeneratorDiagnostics.Single(d => d.Id == "TG001").Severity);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Run_EmptyFileNamedOpenApiYaml_IsNotTakenForASpecAndGeneratesNothing()
    {
        var result = GeneratorHarness.Run(new[] { ("/diagnostics/openapi.yaml", string.Empty) });

        DiagnosticAssert.DidNotCrash(result, SpecPath);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.GeneratedTrees);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(90)]
    public void Run_RepositorySpecTruncated_ReportsWithLocationsAndNeverCrashes(int percent)
    {
        var path = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "openapi.yaml");
        var text = File.ReadAllText(path);
        var truncated = text.Substring(0, text.Length * percent / 100);

        var result = GeneratorHarness.Run(new[] { (path, truncated) });

        DiagnosticAssert.DidNotCrash(result, path);
        Assert.NotEmpty(result.GeneratorDiagnostics);
        var lines = truncated.Split('\n').Length;
        Assert.All(result.GeneratorDiagnostics, d => Assert.InRange(DiagnosticAssert.Line(d), 0, lines - 1));
        Assert.All(GeneratorHarness.Problems(result.Output),
            d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void Run_SpecWithEmptyPaths_ReportsTG001AndGeneratesNothing()
    {
        const string Spec = "openapi: 3.1.0\ninfo: {title: Empty, version: '1.0'}\npaths: {}\n";

        var result = GeneratorHarness.Run(new[] { (SpecPath, Spec) });

        DiagnosticAssert.DidNotCrash(result, SpecPath);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("TG001", 0), (diagnostic.Id, DiagnosticAssert.Line(diagnostic)));
        Assert.Contains("no paths", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Run_RefToMissingSchema_ReportsTG002NamingThePointerAtTheRefAndStillCompiles()
    {
        var result = GeneratorHarness.Run(new[] { (SpecPath, MissingRef) });

        DiagnosticAssert.DidNotCrash(result, SpecPath);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TG002", diagnostic.Id);
        Assert.Contains("#/components/schemas/Owner",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticAssert.LineOf(MissingRef, "owner: {$ref"), DiagnosticAssert.Line(diagnostic));
        Assert.Empty(GeneratorHarness.Problems(result.Output));
    }

    [Fact]
    public void Run_JsonSpec_GeneratesAClientThatCompilesCleanly()
    {
        const string Path = "/diagnostics/openapi.json";

        var result = GeneratorHarness.Run(new[] { (Path, JsonSpec) });

        DiagnosticAssert.DidNotCrash(result, Path);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(result.Output));
        var method = result.Output.GetTypeByMetadataName("Together.ModelsApi")?.GetMembers("GetModelAsync")
            .OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Threading.Tasks.Task<Together.Models.Model>", method?.ReturnType.ToDisplayString());
        Assert.Contains("WireFormat.PathSegment(id)", result.Source("ModelsApi.g.cs"));
    }

    [Fact]
    public void Run_JsonSpecWithAnUnsupportedBody_ReportsTheJsonLine()
    {
        const string Path = "/diagnostics/openapi.json";
        var spec = JsonSpec.Replace("\"tags\": [\"Models\"],",
            "\"tags\": [\"Models\"],\n\"requestBody\": {\"content\": {\"application/xml\": {\"schema\": {}}}},");

        var result = GeneratorHarness.Run(new[] { (Path, spec) });

        DiagnosticAssert.DidNotCrash(result, Path);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TG002", diagnostic.Id);
        Assert.Equal(DiagnosticAssert.LineOf(spec, "\"get\": {"), DiagnosticAssert.Line(diagnostic));
    }
}
