using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Snapshooter.Xunit3;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>
/// Builds the small specs the snapshot tests feed the generator, checks the client they give compiles cleanly,
/// and snapshots the generated files a test is about.
/// </summary>
internal static class SnapshotSpecs
{
    public const string SpecPath = "/snapshots/openapi.yaml";

    private const string Header = "openapi: 3.1.0\ninfo:\n  title: Snapshot API\n  version: '1.0'\n";

    /// <summary>A document with one GET returning <paramref name="root"/>, plus the given component schemas.</summary>
    public static string WithSchemas(string schemas, string root = "Thing") =>
        Header +
        "paths:\n" +
        "  /things:\n" +
        "    get:\n" +
        "      operationId: getThing\n" +
        "      tags: [Things]\n" +
        "      responses:\n" +
        "        '200':\n" +
        "          description: OK\n" +
        "          content:\n" +
        "            application/json:\n" +
        $"              schema: {{$ref: '#/components/schemas/{root}'}}\n" +
        "components:\n" +
        "  schemas:\n" +
        Indent(schemas, 4);

    /// <summary>A document with the given paths and, optionally, component schemas.</summary>
    public static string WithPaths(string paths, string? schemas = null) =>
        Header +
        "paths:\n" +
        Indent(paths, 2) +
        (schemas is null ? string.Empty : "components:\n  schemas:\n" + Indent(schemas, 4));

    /// <summary>
    /// Runs the generator on <paramref name="spec"/>, asserts it reported exactly <paramref name="expectedIds"/>
    /// and that the client compiles with no error and no warning.
    /// </summary>
    public static GeneratorResult Generate(string spec, params string[] expectedIds)
    {
        var result = GeneratorHarness.Run(new[] { (SpecPath, spec) });

        Assert.Equal(expectedIds.OrderBy(i => i, StringComparer.Ordinal),
            result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
        var problems = GeneratorHarness.Problems(result.Output);
        Assert.True(problems.Count == 0, Describe(problems));
        return result;
    }

    /// <summary>Snapshots the named generated files, in the order given, as one text.</summary>
    public static void Match(GeneratorResult result, params string[] hintNames)
    {
        var text = string.Join("\n", hintNames.Select(h => "// ===== " + h + " =====\n" + result.Source(h)));
        Snapshot.Match(text);
    }

    /// <summary>The generated type named <paramref name="metadataName"/>, e.g. <c>Together.Models.Thing</c>.</summary>
    public static INamedTypeSymbol Type(GeneratorResult result, string metadataName) =>
        result.Output.GetTypeByMetadataName(metadataName) ??
        throw new InvalidOperationException(metadataName + " was not generated.");

    public static IPropertySymbol Property(GeneratorResult result, string type, string property) =>
        Type(result, type).GetMembers(property).OfType<IPropertySymbol>().Single();

    public static IMethodSymbol Method(GeneratorResult result, string type, string method) =>
        Type(result, type).GetMembers(method).OfType<IMethodSymbol>().Single();

    private static string Indent(string block, int spaces)
    {
        var pad = new string(' ', spaces);
        var lines = block.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(l => l.Length == 0 ? "\n" : pad + l + "\n"));
    }

    private static string Describe(IReadOnlyList<Diagnostic> problems) =>
        string.Join("\n", problems.Take(20).Select(p =>
            p + "\n    > " + (p.Location.SourceTree?.GetText().Lines[p.Location.GetLineSpan().StartLinePosition.Line]
                .ToString().Trim() ?? string.Empty)));
}
