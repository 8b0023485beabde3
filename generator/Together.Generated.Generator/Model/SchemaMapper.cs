using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Reading;

namespace Together.Generated.Generator.Model;

/// <summary>A schema mapped to C#: the type, whether null is allowed, and a const value if it has one.</summary>
internal readonly record struct Mapped(TypeRef Type, bool Nullable, string? Const = null);

/// <summary>
/// Maps OpenAPI schemas to C# types, declaring a type for every object, open enum and union it meets.
/// Component schemas keep their names; inline schemas are named after where they appear.
/// </summary>
internal sealed partial class SchemaMapper
{
    private readonly OpenApiDocument _document;
    private readonly string _filePath;
    private readonly SpecLocator _locator;
    private readonly Dictionary<string, Mapped> _components = new();
    private readonly HashSet<string> _inProgress = new();
    private readonly HashSet<string> _takenNames;
    private readonly List<TypeDecl> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<string> _fallbacks = new();

    public SchemaMapper(OpenApiDocument document, string filePath, SpecLocator locator,
        List<DiagnosticInfo> diagnostics, HashSet<string> reservedNames)
    {
        _document = document;
        _filePath = filePath;
        _locator = locator;
        _diagnostics = diagnostics;
        _takenNames = reservedNames;
    }

    public IReadOnlyList<TypeDecl> Types => _types;

    /// <summary>Schemas represented untyped (JsonElement or extension data), each with the reason.</summary>
    public IReadOnlyList<string> Fallbacks => _fallbacks;

    /// <summary>Declares every component schema, referenced or not, so the client has all the spec's models.</summary>
    public void MapAllComponents()
    {
        if (_document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        foreach (var id in schemas.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
        {
            MapComponent(id);
        }
    }

    /// <summary>Maps <paramref name="schema"/>; <paramref name="nameHint"/> names an inline type it declares.</summary>
    public Mapped Map(IOpenApiSchema? schema, string nameHint, string path)
    {
        if (schema is null)
        {
            return Fallback(path, "no schema");
        }

        if (SchemaFacts.RefId(schema) is { } id)
        {
            var target = MapComponent(id, path);
            return NullableBeside((OpenApiSchemaReference)schema) ? target with { Nullable = true } : target;
        }

        return MapInline(schema, nameHint, path);
    }

    /// <summary>
    /// A 3.0-style <c>nullable: true</c> written beside a <c>$ref</c> (<c>{$ref: FinishReason, nullable: true}</c>):
    /// the reader keeps it on the reference itself, apart from the target's own keywords.
    /// </summary>
    private static bool NullableBeside(OpenApiSchemaReference reference) =>
        reference.Reference.UnrecognizedKeywords is { } siblings &&
        siblings.TryGetValue("nullable", out var flag) &&
        flag is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var nullable) && nullable;

    public IOpenApiSchema? Resolve(IOpenApiSchema? schema)
    {
        if (schema is null || SchemaFacts.RefId(schema) is not { } id)
        {
            return schema;
        }

        return _document.Components?.Schemas is { } all && all.TryGetValue(id, out var target) ? target : null;
    }

    public TypeDecl? FindDecl(string name) => _types.FirstOrDefault(t => t is not null && t.Name == name);

    public void Replace(TypeDecl updated)
    {
        var index = _types.FindIndex(t => t is not null && t.Name == updated.Name);
        _types[index] = updated;
    }

    /// <param name="referrer">Where the <c>$ref</c> stands, so a dangling one is reported at that line.</param>
    private Mapped MapComponent(string id, string? referrer = null)
    {
        if (_components.TryGetValue(id, out var known))
        {
            return known;
        }

        var path = "#/components/schemas/" + id;
        if (_document.Components?.Schemas is not { } all || !all.TryGetValue(id, out var schema))
        {
            Report(GeneratorDiagnostics.SpecProblem, referrer ?? path, path, "the referenced schema does not exist");
            return Fallback(path, "unresolved $ref");
        }

        if (!_inProgress.Add(id))
        {
            // An alias that refers back to itself without passing through an object cannot be typed.
            return Fallback(path, "self-referencing alias");
        }

        try
        {
            if (DeclaresType(schema))
            {
                var name = Naming.Unique(Naming.Pascal(id), _takenNames);
                var mapped = new Mapped(new TypeRef(name, IsValueTypeDecl(schema), WireKindOf(schema)),
                    SchemaFacts.IsNullable(schema));
                _components[id] = mapped;
                Declare(schema, name, path);
                return mapped;
            }

            var alias = MapInline(schema, Naming.Pascal(id), path);
            _components[id] = alias;
            return alias;
        }
        finally
        {
            _inProgress.Remove(id);
        }
    }

    private Mapped MapInline(IOpenApiSchema schema, string nameHint, string path)
    {
        var nullable = SchemaFacts.IsNullable(schema);
        if (DeclaresType(schema))
        {
            var name = Naming.Unique(nameHint, _takenNames);
            Declare(schema, name, path);
            return new Mapped(new TypeRef(name, IsValueTypeDecl(schema), WireKindOf(schema)), nullable);
        }

        if (schema.Const is { } constant)
        {
            return new Mapped(TypeRef.String, nullable, constant);
        }

        var composed = MapComposition(schema, nameHint, path);
        if (composed is { } alias)
        {
            return alias with { Nullable = alias.Nullable || nullable };
        }

        if (SchemaFacts.Types(schema).Count > 1)
        {
            // Only reached when DeclaresType said no: never, as multi-type schemas become unions.
            return Fallback(path, "several types");
        }

        if (schema.Type == JsonSchemaType.Null)
        {
            // Nothing to type: the value is always null (e.g. the errors of a successful result).
            return Fallback(path, "only null") with { Nullable = true };
        }

        return MapPrimitive(schema, nameHint, path) with { Nullable = nullable };
    }

    private Mapped MapPrimitive(IOpenApiSchema schema, string nameHint, string path)
    {
        switch (SchemaFacts.SingleType(schema))
        {
            case JsonSchemaType.String:
                return new Mapped(schema.Format switch
                {
                    "date-time" => TypeRef.DateTime,
                    "binary" => TypeRef.File,
                    "byte" => TypeRef.Bytes,
                    _ => TypeRef.String,
                }, false);
            case JsonSchemaType.Integer:
                return new Mapped(schema.Format == "int32" ? TypeRef.Int : TypeRef.Long, false);
            case JsonSchemaType.Number:
                return new Mapped(schema.Format == "float" ? TypeRef.Float : TypeRef.Double, false);
            case JsonSchemaType.Boolean:
                return new Mapped(TypeRef.Bool, false);
            case JsonSchemaType.Array:
                var item = Map(schema.Items, nameHint + "Item", path + "/items");
                return new Mapped(
                    TypeRef.ListOf(item.Nullable ? item.Type with { Name = item.Type.Nullable } : item.Type),
                    false);
            case JsonSchemaType.Object:
            case null:
                return MapFreeObject(schema, nameHint, path);
            default:
                return Fallback(path, "unknown type");
        }
    }

    private Mapped MapFreeObject(IOpenApiSchema schema, string nameHint, string path)
    {
        if (schema.AdditionalProperties is { } values && !SchemaFacts.IsEmpty(values))
        {
            var value = Map(values, nameHint + "Value", path + "/additionalProperties");
            return new Mapped(
                TypeRef.MapOf(value.Nullable ? value.Type with { Name = value.Type.Nullable } : value.Type),
                false);
        }

        return Fallback(path, SchemaFacts.SingleType(schema) is null ? "no type (any JSON value)" : "free-form object");
    }

    private Mapped Fallback(string path, string reason)
    {
        _fallbacks.Add(path + ": " + reason);
        return new Mapped(TypeRef.Json, false);
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] args)
    {
        var (line, column) = _locator.Find(pointer);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, line, column, args));
    }
}
