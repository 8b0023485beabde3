using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Turns a YAML document into JSON with the YAML 1.2 core schema: a quoted or block scalar is a string, a plain
/// scalar is null, a boolean, an integer or a float when it reads as one, and a string otherwise
/// (so an unquoted <c>2025-03-11T22:36:12Z</c> stays the string it is in JSON).
/// </summary>
public static partial class YamlJson
{
    public static JsonNode? Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Children)
                {
                    obj[((YamlScalarNode)entry.Key).Value!] = Convert(entry.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}.");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tagged = !scalar.Tag.IsEmpty && scalar.Tag.Value != "!";
        if (scalar.Style != ScalarStyle.Plain ||
            (tagged && scalar.Tag.Value.EndsWith(":str", StringComparison.Ordinal)))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Number().IsMatch(text))
        {
            // Parsed as JSON so the number keeps its exact text (no double rounding).
            return JsonNode.Parse(text.TrimStart('+'));
        }

        return JsonValue.Create(text);
    }

    /// <summary>A YAML core-schema integer or float that is a JSON number once a leading + is dropped.</summary>
    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
