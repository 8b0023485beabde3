using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Tests.RealSpecs;

/// <summary>Reads a spec's operations independently of the generator, to check what it generated.</summary>
public static class SpecOperations
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "patch", "head", "options" };

    /// <summary>(METHOD, path) of every operation that is not a websocket upgrade.</summary>
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
                if (!Methods.Contains(method) || IsWebSocket((YamlMappingNode)operation.Value))
                {
                    continue;
                }

                result.Add((method.ToUpperInvariant(), ((YamlScalarNode)path.Key).Value!));
            }
        }

        return result;
    }

    private static bool IsWebSocket(YamlMappingNode operation) =>
        operation.Children.TryGetValue(new YamlScalarNode("responses"), out var responses) &&
        responses is YamlMappingNode codes &&
        codes.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "101") &&
        !codes.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value!.StartsWith('2'));
}
