using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>Parameters, operation names, deprecation, skipped websockets and tag grouping.</summary>
public sealed class RequestSnapshotTests
{
    private const string PathAndQuery = """
        /files/{file_id}/pages/{page}:
          get:
            tags: [Files]
            parameters:
              - {name: file_id, in: path, required: true, schema: {type: string}}
              - {name: page, in: path, required: true, schema: {type: integer}}
              - name: kind
                in: query
                schema: {type: string, enum: [chat, image, embedding]}
              - {name: limit, in: query, required: true, schema: {type: integer, format: int32}}
            responses:
              '200':
                description: The page.
                content:
                  text/plain:
                    schema: {type: string}
        """;

    private const string Lifecycle = """
        /old:
          get:
            operationId: oldThing
            deprecated: true
            summary: The old way.
            tags: [Endpoints]
            responses:
              '204': {description: Done.}
        /new:
          get:
            operationId: newThing
            tags: [endpoints]
            responses:
              '204': {description: Done.}
        /realtime:
          get:
            operationId: realtime
            tags: [Endpoints]
            responses:
              '101': {description: Switching protocols.}
        """;

    private const string Collisions = """
        /upload/{item}:
          post:
            operationId: equals
            tags: [Files]
            parameters:
              - {name: item, in: path, required: true, schema: {type: string}}
              - {name: form, in: query, schema: {type: string}}
              - {name: request, in: query, schema: {type: string}}
              - {name: ids, in: query, schema: {type: array, items: {type: string}}}
            requestBody:
              content:
                multipart/form-data:
                  schema:
                    type: object
                    properties:
                      file: {type: string, format: binary}
                      old: {type: string, deprecated: true}
                      tags: {type: array, items: {type: string}}
            responses:
              '204': {description: Done.}
        /endpoints:
          get:
            operationId: togetherEndpoints
            tags: [Files]
            responses:
              '204': {description: Done.}
        """;

    private const string StreamNames = """
        /foo:
          get:
            operationId: foo
            tags: [A]
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {type: object, properties: {x: {type: string}}}
                  text/event-stream:
                    schema: {type: object, properties: {data: {type: object, properties: {x: {type: string}}}}}
        /foo-stream:
          get:
            operationId: fooStream
            tags: [A]
            responses:
              '204': {description: Done.}
        """;

    [Fact]
    public void Generate_PathIntegerAndQueryEnumParameters_EncodesPathSegmentsAndTypesTheEnum()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(PathAndQuery));

        var method = SnapshotSpecs.Method(result, "Together.FilesApi", "GetFilesFileIdPagesPageAsync");
        Assert.Equal(
            new[]
            {
                "string", "long", "int", "Together.Models.GetFilesFileIdPagesPageKind?",
                "System.Threading.CancellationToken",
            },
            method.Parameters.Select(p => p.Type.ToDisplayString()));
        var source = result.Source("FilesApi.g.cs");
        Assert.Contains("global::Together.Generated.WireFormat.PathSegment(fileId)", source);
        Assert.Contains("global::Together.Generated.WireFormat.PathSegment(" +
            "global::Together.Generated.WireFormat.Value(page) ?? string.Empty)", source);
        SnapshotSpecs.Match(result, "FilesApi.g.cs", "Models.GetFilesFileIdPagesPageKind.g.cs");
    }

    [Fact]
    public void Generate_DeprecatedWebSocketAndCaseVariantTags_GroupsObsoletesAndSkipsWithTG003()
    {
        var spec = SnapshotSpecs.WithPaths(Lifecycle);

        var result = SnapshotSpecs.Generate(spec, "TG003");

        var skipped = result.GeneratorDiagnostics.Single();
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.Equal(SnapshotSpecs.SpecPath, skipped.Location.GetLineSpan().Path);
        Assert.Equal(System.Array.IndexOf(spec.Split('\n'), "  /realtime:") + 1,
            skipped.Location.GetLineSpan().StartLinePosition.Line);
        var group = SnapshotSpecs.Type(result, "Together.EndpointsApi");
        Assert.Equal(new[] { "NewThingAsync", "OldThingAsync" },
            group.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public)
                .Select(m => m.Name).OrderBy(n => n));
        Assert.Contains(SnapshotSpecs.Method(result, "Together.EndpointsApi", "OldThingAsync").GetAttributes(),
            a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.Single(SnapshotSpecs.Type(result, "Together.TogetherClient").GetMembers().OfType<IPropertySymbol>(),
            p => p.Type.Name == "EndpointsApi");
        SnapshotSpecs.Match(result, "EndpointsApi.g.cs", "TogetherClient.g.cs");
    }

    [Fact]
    public void Generate_OperationWithoutOperationId_NamesItFromMethodAndPath()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(PathAndQuery));

        Assert.Contains("public static global::Together.Generated.EndpointDescriptor GetFilesFileIdPagesPage { get; }",
            result.Source("TogetherEndpoints.g.cs"));
        Assert.DoesNotContain("OperationId =", result.Source("FilesApi.g.cs"));
    }

    [Fact]
    public void Generate_NamesThatCollideWithGeneratedMembers_RenamesThemAndCompilesCleanly()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(Collisions));

        var endpoints = SnapshotSpecs.Type(result, "Together.TogetherEndpoints").GetMembers()
            .OfType<IPropertySymbol>().Select(p => p.Name);
        Assert.Equal(new[] { "EqualsOperation", "TogetherEndpointsOperation" }, endpoints);
        var method = SnapshotSpecs.Method(result, "Together.FilesApi", "EqualsOperationAsync");
        Assert.Equal(new[] { "item2", "body", "form2", "request2", "ids", "cancellationToken" },
            method.Parameters.Select(p => p.Name));
        SnapshotSpecs.Match(result, "FilesApi.g.cs");
    }

    [Fact]
    public void Generate_OperationNamedLikeAnotherOnesStreamVariant_GetsDistinctMethodNames()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(StreamNames));

        var methods = SnapshotSpecs.Type(result, "Together.AApi").GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name).OrderBy(n => n);
        Assert.Equal(new[] { "FooAsync", "FooStream2Async", "FooStreamAsync" }, methods);
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Together.Models.FooChunk>",
            SnapshotSpecs.Method(result, "Together.AApi", "FooStreamAsync").ReturnType.ToDisplayString());
    }
}
