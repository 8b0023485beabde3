using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Together.Generated.Generator.Model;

internal sealed partial class SchemaMapper
{
    private enum DeclShape
    {
        None,
        Object,
        Enum,
        Union,
    }

    private bool DeclaresType(IOpenApiSchema schema) => Shape(schema) != DeclShape.None;

    private bool IsValueTypeDecl(IOpenApiSchema schema) => Shape(schema) == DeclShape.Enum;

    private WireKind WireKindOf(IOpenApiSchema schema) => Shape(schema) switch
    {
        DeclShape.Enum => WireKind.WireValue,
        DeclShape.Union when Branches(schema).All(b => IsPrimitive(Resolve(b))) => WireKind.WireValue,
        _ => WireKind.Other,
    };

    private DeclShape Shape(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference || schema.Const is not null)
        {
            return DeclShape.None;
        }

        if (SchemaFacts.Count(schema.Properties) > 0)
        {
            return DeclShape.Object;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.Any(v => !SchemaFacts.IsNull(v) && v is JsonValue value && value.TryGetValue<string>(out _))
                ? DeclShape.Enum
                : DeclShape.None;
        }

        var branches = Branches(schema);
        if (branches.Count >= 2)
        {
            if (branches.All(b => IsStringLike(Resolve(b))))
            {
                return branches.Any(b => KnownStrings(Resolve(b)).Count > 0) ? DeclShape.Enum : DeclShape.None;
            }

            return DeclShape.Union;
        }

        if (SchemaFacts.Count(schema.AllOf) > 0 && AllOfParts(schema).Count >= 2)
        {
            return DeclShape.Object;
        }

        if (SchemaFacts.Types(schema).Count > 1)
        {
            return DeclShape.Union;
        }

        return IsEmptyObject(schema) ? DeclShape.Object : DeclShape.None;
    }

    /// <summary>
    /// <c>type: object</c> with an explicit, empty <c>properties</c> (and nothing else that shapes it) is an object
    /// with no fields yet, not a free-form one: it becomes an empty class that can gain properties later.
    /// </summary>
    private static bool IsEmptyObject(IOpenApiSchema schema) =>
        schema.Properties is { Count: 0 } &&
        SchemaFacts.SingleType(schema) == JsonSchemaType.Object &&
        schema.AdditionalProperties is null &&
        SchemaFacts.Count(schema.AllOf) + SchemaFacts.Count(schema.OneOf) + SchemaFacts.Count(schema.AnyOf) == 0;

    /// <summary>The oneOf/anyOf branches that carry a type; null-only branches only make the result nullable.</summary>
    private static List<IOpenApiSchema> Branches(IOpenApiSchema schema) =>
        (schema.OneOf ?? new List<IOpenApiSchema>())
        .Concat(schema.AnyOf ?? new List<IOpenApiSchema>())
        .Where(b => !SchemaFacts.IsNullOnly(b))
        .ToList();

    private static bool HasNullBranch(IOpenApiSchema schema) =>
        (schema.OneOf ?? new List<IOpenApiSchema>())
        .Concat(schema.AnyOf ?? new List<IOpenApiSchema>())
        .Concat(schema.AllOf ?? new List<IOpenApiSchema>())
        .Any(b => SchemaFacts.IsNullOnly(b) || (b is not OpenApiSchemaReference && SchemaFacts.IsNullable(b)));

    /// <summary>allOf parts that contribute structure (a description-only or nullable-only part does not).</summary>
    private static List<IOpenApiSchema> AllOfParts(IOpenApiSchema schema) =>
        (schema.AllOf ?? new List<IOpenApiSchema>())
        .Where(p => !SchemaFacts.IsNullOnly(p) && !SchemaFacts.IsEmpty(p))
        .ToList();

    private bool IsStringLike(IOpenApiSchema? schema) =>
        schema is not null &&
        SchemaFacts.Count(schema.Properties) == 0 &&
        Branches(schema).Count == 0 &&
        (SchemaFacts.SingleType(schema) == JsonSchemaType.String ||
         (schema.Type is null && (schema.Const is not null || KnownStrings(schema).Count > 0))) &&
        schema.Format is null or "" ;

    private static bool IsPrimitive(IOpenApiSchema? schema) =>
        schema is not null &&
        SchemaFacts.SingleType(schema) is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number
            or JsonSchemaType.Boolean &&
        SchemaFacts.Count(schema.Properties) == 0;

    /// <summary>The string values a schema names: its enum entries and its const.</summary>
    private static List<string> KnownStrings(IOpenApiSchema? schema)
    {
        var result = new List<string>();
        if (schema is null)
        {
            return result;
        }

        if (schema.Const is { } constant)
        {
            result.Add(constant);
        }

        foreach (var value in schema.Enum ?? new List<JsonNode>())
        {
            if (!SchemaFacts.IsNull(value) && value is JsonValue json && json.TryGetValue<string>(out var text))
            {
                result.Add(text);
            }
        }

        return result;
    }

    private Mapped? MapComposition(IOpenApiSchema schema, string nameHint, string path)
    {
        var branches = Branches(schema);
        if (SchemaFacts.Count(schema.OneOf) + SchemaFacts.Count(schema.AnyOf) > 0)
        {
            if (branches.Count == 1)
            {
                var only = Map(branches[0], nameHint, path + "/oneOf/0");
                return only with { Nullable = only.Nullable || HasNullBranch(schema) };
            }

            if (branches.Count >= 2)
            {
                // Every branch is a plain string (DeclaresType would have said so otherwise).
                return new Mapped(TypeRef.String, HasNullBranch(schema));
            }
        }

        var parts = AllOfParts(schema);
        if (SchemaFacts.Count(schema.AllOf) > 0 && parts.Count == 1)
        {
            var single = Map(parts[0], nameHint, path + "/allOf/0");
            return single with { Nullable = single.Nullable || HasNullBranch(schema) };
        }

        return null;
    }
}
