using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>
/// The built-in rules against Together's real specs (needs ../shared/specs/together: skipped where it is missing,
/// failed under CI).
/// </summary>
public sealed class LimitsRealSpecTests
{
    [Fact]
    public void FindUnmatchedRules_DefaultFileAgainstNewestSpec_EveryRuleApplies()
    {
        var operations = Operations(SharedSpecs.Newest);

        var diagnostics = LimitsResolver.FindUnmatchedRules(LimitsDefaults.Document, "x", operations);

        Assert.True(operations.Count > 90, $"read {operations.Count} operations");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Resolve_DefaultFileAgainstNewestSpec_OnlyChatCompletionsAndEmbeddingsDrawOnTheKeyBudget()
    {
        var keyed = Operations(SharedSpecs.Newest)
            .Where(op => LimitsResolver.Resolve(LimitsDefaults.Document, op).Limiters.Contains("key"))
            .Select(op => op.Method + " " + op.Path)
            .OrderBy(s => s, StringComparer.Ordinal);

        Assert.Equal(new[] { "POST /chat/completions", "POST /completions", "POST /embeddings" }, keyed);
    }

    /// <summary>Every operation of a spec, read with no more than the limits rules look at.</summary>
    private static List<OperationKey> Operations(string specFile)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(SharedSpecs.PathOf(specFile)))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var methods = new[] { "get", "put", "post", "delete", "patch", "head", "options", "trace" };
        var operations = new List<OperationKey>();
        foreach (var path in ((YamlMappingNode)root["paths"]).Children)
        {
            foreach (var entry in ((YamlMappingNode)path.Value).Children)
            {
                var method = ((YamlScalarNode)entry.Key).Value!;
                if (methods.Contains(method) && entry.Value is YamlMappingNode operation)
                {
                    operations.Add(new OperationKey(
                        method.ToUpperInvariant(),
                        ((YamlScalarNode)path.Key).Value!,
                        Scalar(operation, "operationId"),
                        Tags(operation)));
                }
            }
        }

        return operations;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static EquatableArray<string> Tags(YamlMappingNode map) =>
        map.Children.TryGetValue(new YamlScalarNode("tags"), out var node)
            ? ((YamlSequenceNode)node).Children.Select(t => ((YamlScalarNode)t).Value!).ToEquatableArray()
            : EquatableArray<string>.Empty;
}
