using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

internal sealed partial class SchemaMapper
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The spec's default as documentation, or null. A default that does not fit the property's type
    /// (a string on an object, say) is reported and left out rather than producing broken code.
    /// </summary>
    private string? DefaultDoc(IOpenApiSchema schema, Mapped mapped, string path, string propertyName)
    {
        var value = schema.Default ?? Resolve(schema)?.Default;
        if (value is null)
        {
            return null;
        }

        if (!Fits(value, mapped.Type, mapped.Nullable))
        {
            Report(GeneratorDiagnostics.OddDefault, path, propertyName, mapped.Type.Name);
            return null;
        }

        return SchemaFacts.IsNull(value) ? "null" : value.ToJsonString();
    }

    private bool Fits(JsonNode value, TypeRef type, bool nullable)
    {
        if (SchemaFacts.IsNull(value))
        {
            return nullable;
        }

        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        if (kind == JsonValueKind.Null || (nullable && text == "null"))
        {
            return nullable;
        }

        // YAML readers hand scalars over as strings, so a number or boolean may arrive as its text.
        var scalar = kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
        switch (type.Kind)
        {
            case WireKind.String:
            case WireKind.DateTime:
            case WireKind.WireValue:
                return scalar;
            case WireKind.Bool:
                return kind is JsonValueKind.True or JsonValueKind.False || text is "true" or "false";
            case WireKind.Integer:
                return kind == JsonValueKind.Number || long.TryParse(text, NumberStyles.Integer, Invariant, out _);
            case WireKind.Number:
                return kind == JsonValueKind.Number || double.TryParse(text, NumberStyles.Float, Invariant, out _);
            case WireKind.List:
                return kind == JsonValueKind.Array;
            default:
                return type.Name == TypeRef.Json.Name ||
                    FindDecl(type.Name) is { Kind: TypeDeclKind.Union } ||
                    kind is JsonValueKind.Object or JsonValueKind.Array;
        }
    }
}
