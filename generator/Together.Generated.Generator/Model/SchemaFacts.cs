using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Together.Generated.Generator.Model;

/// <summary>Questions asked of a schema, independent of how it is mapped.</summary>
internal static class SchemaFacts
{
    public static string? RefId(IOpenApiSchema schema) => (schema as OpenApiSchemaReference)?.Reference?.Id;

    /// <summary>
    /// Null-ness in every form the specs use: 3.1 <c>type: [x, "null"]</c>, 3.0 <c>nullable: true</c>
    /// (kept only as an unrecognized keyword by a 3.1 reader), and an enum that lists null.
    /// </summary>
    public static bool IsNullable(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return false;
        }

        if (schema.Type is { } type && (type & JsonSchemaType.Null) != 0)
        {
            return true;
        }

        if (schema.UnrecognizedKeywords is { } extra && extra.TryGetValue("nullable", out var flag) &&
            flag is JsonValue value && value.TryGetValue<bool>(out var nullable) && nullable)
        {
            return true;
        }

        return schema.Enum is { } values && values.Any(IsNull);
    }

    /// <summary>
    /// A JSON null in an enum, const or default. The reader stands a sentinel string in for null, so a plain
    /// null check misses it and the sentinel would leak into generated code as an enum member.
    /// </summary>
    public static bool IsNull(JsonNode? node) => node is null || JsonNullSentinel.IsJsonNullSentinel(node);

    /// <summary>
    /// A schema that only says "null": <c>type: 'null'</c>, or <c>{nullable: true}</c> with nothing else.
    /// </summary>
    public static bool IsNullOnly(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return false;
        }

        if (schema.Type == JsonSchemaType.Null)
        {
            return true;
        }

        return schema.Type is null && IsNullable(schema) && IsEmpty(schema);
    }

    /// <summary>True when the schema constrains nothing that affects the C# type.</summary>
    public static bool IsEmpty(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference &&
        schema.Type is null &&
        Count(schema.Properties) == 0 &&
        Count(schema.OneOf) == 0 &&
        Count(schema.AnyOf) == 0 &&
        Count(schema.AllOf) == 0 &&
        Count(schema.Enum) == 0 &&
        schema.Const is null &&
        schema.Items is null &&
        schema.AdditionalProperties is null;

    /// <summary>The schema's type without the null flag, or null when it has none or several.</summary>
    public static JsonSchemaType? SingleType(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        type &= ~JsonSchemaType.Null;
        return type != 0 && (type & (type - 1)) == 0 ? type : null;
    }

    /// <summary>The individual types of a multi-type schema (<c>type: [string, integer]</c>), null excluded.</summary>
    public static IReadOnlyList<JsonSchemaType> Types(IOpenApiSchema schema)
    {
        var result = new List<JsonSchemaType>();
        if (schema.Type is { } type)
        {
            foreach (var flag in new[]
            {
                JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean,
                JsonSchemaType.Array, JsonSchemaType.Object,
            })
            {
                if ((type & flag) != 0)
                {
                    result.Add(flag);
                }
            }
        }

        return result;
    }

    public static string? Doc(IOpenApiSchema schema) =>
        !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description : schema.Title;

    public static int Count<T>(ICollection<T>? items) => items?.Count ?? 0;

    public static int Count<TKey, TValue>(IDictionary<TKey, TValue>? items) => items?.Count ?? 0;
}
