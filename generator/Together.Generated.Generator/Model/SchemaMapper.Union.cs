using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

internal sealed partial class SchemaMapper
{
    private void DeclareUnion(IOpenApiSchema schema, string name, string path)
    {
        var index = _types.Count;
        _types.Add(null!);

        var discriminator = schema.Discriminator?.PropertyName;
        var variants = new List<UnionVariant>();
        var taken = new HashSet<string> { name, "Value", "WireValue", "ToString", "Equals", "GetHashCode" };
        var typesSeen = new HashSet<string>();
        var branches = Branches(schema);
        if (branches.Count == 0)
        {
            branches = SchemaFacts.Types(schema).Select(t => (IOpenApiSchema)new OpenApiSchema
            {
                Type = t,
                Format = schema.Format,
                Items = schema.Items,
                Properties = schema.Properties,
                AdditionalProperties = schema.AdditionalProperties,
            }).ToList();
        }

        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            var target = Resolve(branch);
            var hint = name + VariantHint(branch, target, i);
            var mapped = Map(branch, hint, path + "/oneOf/" + i);
            if (!typesSeen.Add(mapped.Type.Name))
            {
                // Two branches with one C# type (e.g. two free-form objects) cannot be told apart.
                continue;
            }

            var token = TokenOf(mapped.Type, target);
            variants.Add(new UnionVariant(
                Naming.Unique(VariantName(mapped.Type, target), taken),
                mapped.Type,
                token,
                DiscriminatorValues(schema, branch, target, discriminator).ToEquatableArray(),
                RequiredOf(target).ToEquatableArray(),
                mapped.Const));
        }

        discriminator ??= ImpliedDiscriminator(branches);
        _types[index] = new TypeDecl(TypeDeclKind.Union, name, SchemaFacts.Doc(schema), schema.Deprecated,
            EquatableArray<PropertyDecl>.Empty, null, EquatableArray<EnumMember>.Empty,
            variants.ToEquatableArray(), discriminator, null, path);
    }

    private static string VariantHint(IOpenApiSchema branch, IOpenApiSchema? target, int index)
    {
        if (!string.IsNullOrWhiteSpace(branch.Title) || !string.IsNullOrWhiteSpace(target?.Title))
        {
            return Naming.Pascal(branch.Title ?? target!.Title!);
        }

        return "Option" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string VariantName(TypeRef type, IOpenApiSchema? target)
    {
        switch (type.Kind)
        {
            case WireKind.String:
                return "String";
            case WireKind.Bool:
                return "Boolean";
            case WireKind.Integer:
                return "Integer";
            case WireKind.Number:
                return "Number";
            case WireKind.DateTime:
                return "DateTime";
            case WireKind.List:
                return "List";
            case WireKind.File:
                return "File";
        }

        if (type.Name == TypeRef.Json.Name)
        {
            return "Json";
        }

        if (type.Name.StartsWith("global::System.Collections.Generic.IDictionary", System.StringComparison.Ordinal))
        {
            return "Map";
        }

        return type.Name.Contains("::") ? "Value" : type.Name;
    }

    private static string TokenOf(TypeRef type, IOpenApiSchema? target) => type.Kind switch
    {
        WireKind.String or WireKind.DateTime => "string",
        WireKind.Bool => "boolean",
        WireKind.Integer => "integer",
        WireKind.Number => "number",
        WireKind.List => "array",
        WireKind.WireValue when type.IsValueType => "string",
        WireKind.File => "string",
        _ when type.Name == TypeRef.Bytes.Name => "string",
        _ when type.Name == TypeRef.Json.Name => "any",
        _ => "object",
    };

    private static List<string> RequiredOf(IOpenApiSchema? target) =>
        target?.Required?.OrderBy(r => r, System.StringComparer.Ordinal).ToList() ?? new List<string>();

    private List<string> DiscriminatorValues(IOpenApiSchema union, IOpenApiSchema branch, IOpenApiSchema? target,
        string? discriminator)
    {
        var values = new List<string>();
        var id = SchemaFacts.RefId(branch);
        if (union.Discriminator?.Mapping is { } mapping && id is not null)
        {
            values.AddRange(mapping.Where(m => m.Value?.Reference?.Id == id).Select(m => m.Key));
        }

        var property = discriminator ?? ImpliedDiscriminator(Branches(union));
        if (values.Count == 0 && property is not null && target?.Properties is { } properties &&
            properties.TryGetValue(property, out var tag))
        {
            values.AddRange(KnownStrings(Resolve(tag)));
        }

        if (values.Count == 0 && union.Discriminator is not null && id is not null)
        {
            values.Add(id);
        }

        return values;
    }

    /// <summary>
    /// A property every object branch fixes to distinct constant strings (<c>type: const text</c>) discriminates
    /// the union even when the spec declares no discriminator.
    /// </summary>
    private string? ImpliedDiscriminator(List<IOpenApiSchema> branches)
    {
        var objects = branches.Select(Resolve).Where(b => SchemaFacts.Count(b?.Properties) > 0).ToList();
        if (objects.Count < 2)
        {
            return null;
        }

        foreach (var candidate in objects[0]!.Properties!.Keys)
        {
            var seen = new HashSet<string>();
            var all = objects.All(o => o!.Properties!.TryGetValue(candidate, out var p) &&
                KnownStrings(Resolve(p)) is { Count: > 0 } known && known.All(seen.Add));
            if (all)
            {
                return candidate;
            }
        }

        return null;
    }
}
