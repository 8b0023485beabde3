using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>An example a spec gives for one of its schemas, with the pointer to that schema.</summary>
public sealed record SchemaExample(string SchemaPath, JsonNode? Value)
{
    public override string ToString()
    {
        var json = Value?.ToJsonString() ?? "null";
        return SchemaPath + " = " + (json.Length > 100 ? json[..100] + "..." : json);
    }
}

/// <summary>
/// The examples of a spec's component schemas (their own, their properties' and every nested subschema's), and a
/// JSON Schema 2020-12 validator over <c>components.schemas</c> to check each against the schema it sits in.
/// </summary>
public sealed class SpecExamples
{
    private const string Prefix = "#/components/schemas/";
    private static readonly string[] SingleSchemaKeywords = { "items", "additionalProperties", "not", "contains" };
    private static readonly string[] SchemaListKeywords = { "oneOf", "anyOf", "allOf", "prefixItems" };
    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties" };

    private readonly Uri _baseUri;
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.Flag };

    public SpecExamples(string specPath)
    {
        var spec = YamlJson.Read(specPath)!;
        var schemas = spec["components"]!["schemas"]!.AsObject();
        Examples = Collect(schemas);

        _baseUri = new Uri("https://together.test/specs/" + System.IO.Path.GetFileName(specPath));
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = _baseUri.ToString(),
            ["$defs"] = RewriteRefs(schemas.DeepClone()),
        };
        _options.SchemaRegistry.Register(_baseUri, JsonSchema.FromText(document.ToJsonString()));
    }

    public IReadOnlyList<SchemaExample> Examples { get; }

    /// <summary>Whether the example is valid against the schema it is given for.</summary>
    public bool IsValid(SchemaExample example)
    {
        var pointer = "/$defs/" + example.SchemaPath[Prefix.Length..];
        var reference = new JsonObject { ["$ref"] = _baseUri + "#" + pointer };
        return JsonSchema.FromText(reference.ToJsonString()).Evaluate(example.Value, _options).IsValid;
    }

    private static List<SchemaExample> Collect(JsonObject schemas)
    {
        var found = new List<SchemaExample>();
        foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Walk(schema, Prefix + Escape(name), found);
        }

        return found;
    }

    /// <summary>Walks schema keywords only, so that a property named "example" is not taken for one.</summary>
    private static void Walk(JsonNode? node, string path, List<SchemaExample> found)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema.TryGetPropertyValue("example", out var example))
        {
            found.Add(new SchemaExample(path, example?.DeepClone()));
        }

        if (schema["examples"] is JsonArray examples)
        {
            found.AddRange(examples.Select(e => new SchemaExample(path, e?.DeepClone())));
        }

        foreach (var keyword in SingleSchemaKeywords)
        {
            Walk(schema[keyword], path + "/" + keyword, found);
        }

        foreach (var keyword in SchemaListKeywords)
        {
            var items = schema[keyword] as JsonArray ?? new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                Walk(items[i], path + "/" + keyword + "/" + i, found);
            }
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            foreach (var (name, value) in schema[keyword] as JsonObject ?? new JsonObject())
            {
                Walk(value, path + "/" + keyword + "/" + Escape(name), found);
            }
        }
    }

    private static JsonNode RewriteRefs(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } target &&
                        target.StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        obj[key] = "#/$defs/" + target[Prefix.Length..];
                    }
                    else if (value is not null)
                    {
                        RewriteRefs(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    RewriteRefs(item!);
                }

                break;
        }

        return node;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal)
        .Replace("/", "~1", StringComparison.Ordinal);
}
