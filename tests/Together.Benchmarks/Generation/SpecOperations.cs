using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Together.Benchmarks.Generation;

/// <summary>
/// The spec's operations read independently of every generator measured: the same rule as the generator tests'
/// SpecOperations (a copy, since a test project cannot be referenced from here): every (METHOD, path) under
/// <c>paths</c> except websocket upgrades (a 101 response and no 2xx). The denominator of "operations covered".
/// </summary>
public static class SpecOperations
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "patch", "head", "options" };

    public static HashSet<(string Method, string Path)> HttpOperations(string specPath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(specPath)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children[new YamlScalarNode("paths")];
        var result = new HashSet<(string, string)>();
        foreach (var path in paths.Children)
        {
            foreach (var operation in ((YamlMappingNode)path.Value).Children)
            {
                var method = ((YamlScalarNode)operation.Key).Value!;
                if (Methods.Contains(method) && !IsWebSocket((YamlMappingNode)operation.Value))
                {
                    result.Add((method.ToUpperInvariant(), ((YamlScalarNode)path.Key).Value!));
                }
            }
        }

        return result;
    }

    private static bool IsWebSocket(YamlMappingNode operation) =>
        operation.Children.TryGetValue(new YamlScalarNode("responses"), out var responses) &&
        responses is YamlMappingNode codes &&
        codes.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "101") &&
        !codes.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value!.StartsWith('2'));

    /// <summary>
    /// A path with its parameter names blanked (<c>/jobs/{id}</c> becomes <c>/jobs/{}</c>): peers rename
    /// parameters, and which name a generator gave one is not what coverage asks.
    /// </summary>
    public static string Shape(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), "\\{[^}]*\\}", "{}");

    /// <summary>The sent (METHOD, path shape) pairs that are none of the spec's counted operations, or null.</summary>
    public static string? Unmatched(IEnumerable<(string Method, string Shape)> sent,
        HashSet<(string Method, string Shape)> spec)
    {
        var extra = sent.Distinct().Where(s => !spec.Contains(s)).Select(s => $"{s.Method} {s.Shape}").ToList();
        return extra.Count == 0 ? null : string.Join(", ", extra.OrderBy(e => e, System.StringComparer.Ordinal));
    }

    public static HashSet<(string Method, string Shape)> Shapes(IEnumerable<(string Method, string Path)> operations) =>
        operations.Select(o => (o.Method, Shape(o.Path))).ToHashSet();
}
