using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

internal sealed partial class SchemaMapper
{
    private void Declare(IOpenApiSchema schema, string name, string path)
    {
        switch (Shape(schema))
        {
            case DeclShape.Enum:
                DeclareEnum(schema, name, path);
                break;
            case DeclShape.Union:
                DeclareUnion(schema, name, path);
                break;
            default:
                DeclareObject(schema, name, path);
                break;
        }
    }

    private void DeclareEnum(IOpenApiSchema schema, string name, string path)
    {
        var values = KnownStrings(schema);
        foreach (var branch in Branches(schema))
        {
            values.AddRange(KnownStrings(Resolve(branch)));
        }

        var taken = new HashSet<string> { name, "WireValue", "IsKnown", "Equals", "GetHashCode", "ToString" };
        var members = values.Distinct()
            .Select(v => new EnumMember(v, Naming.Unique(Naming.Pascal(v), taken), null))
            .ToEquatableArray();
        _types.Add(new TypeDecl(TypeDeclKind.Enum, name, SchemaFacts.Doc(schema), schema.Deprecated,
            EquatableArray<PropertyDecl>.Empty, null, members, EquatableArray<UnionVariant>.Empty, null, null, path));
    }

    private void DeclareObject(IOpenApiSchema schema, string name, string path)
    {
        // Reserve the slot first: properties may refer back to this type (recursive schemas).
        var index = _types.Count;
        _types.Add(null!);

        var properties = new List<PropertyDecl>();
        var seen = new HashSet<string>();
        var taken = new HashSet<string> { name, "AdditionalProperties" };
        TypeRef? extension = null;
        foreach (var (part, partPath) in ObjectParts(schema, path))
        {
            foreach (var entry in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (!seen.Add(entry.Key))
                {
                    continue;
                }

                // A JSON pointer: keys such as "application/json" escape their slash.
                var propertyPath = partPath + "/properties/" + entry.Key.Replace("~", "~0").Replace("/", "~1");
                var mapped = Map(entry.Value, name + Naming.Pascal(entry.Key), propertyPath);
                var required = RequiredIn(schema, entry.Key);
                var propertyName = Naming.Unique(Naming.Pascal(entry.Key), taken);
                var resolved = Resolve(entry.Value);
                properties.Add(new PropertyDecl(entry.Key, propertyName, mapped.Type, required, mapped.Nullable,
                    SchemaFacts.Doc(entry.Value) ?? (resolved is null ? null : SchemaFacts.Doc(resolved)),
                    mapped.Const is null ? OnlyValue(mapped, required) : Literal(mapped.Const),
                    DefaultDoc(entry.Value, mapped, propertyPath, entry.Key), entry.Value.Deprecated));
            }

            if (part.AdditionalProperties is { } extra && extension is null)
            {
                extension = TypeRef.Json;
                if (!SchemaFacts.IsEmpty(extra))
                {
                    _fallbacks.Add(partPath + "/additionalProperties: typed extra properties kept as JsonElement");
                }
            }
        }

        _types[index] = new TypeDecl(TypeDeclKind.Object, name, SchemaFacts.Doc(schema), schema.Deprecated,
            properties.ToEquatableArray(), extension, EquatableArray<EnumMember>.Empty,
            EquatableArray<UnionVariant>.Empty, null, null, path);
    }

    /// <summary>The schema itself and, through allOf, every schema whose properties it takes in.</summary>
    private IEnumerable<(IOpenApiSchema Part, string Path)> ObjectParts(IOpenApiSchema schema, string path)
    {
        var visited = new HashSet<IOpenApiSchema>();
        var pending = new Stack<(IOpenApiSchema, string)>();
        pending.Push((schema, path));
        var ordered = new List<(IOpenApiSchema, string)>();
        while (pending.Count > 0)
        {
            var (current, currentPath) = pending.Pop();
            var target = Resolve(current);
            if (target is null || !visited.Add(target))
            {
                continue;
            }

            ordered.Add((target, SchemaFacts.RefId(current) is { } id ? "#/components/schemas/" + id : currentPath));
            var parts = target.AllOf ?? new List<IOpenApiSchema>();
            for (var i = parts.Count - 1; i >= 0; i--)
            {
                pending.Push((parts[i], currentPath + "/allOf/" + i));
            }
        }

        return ordered;
    }

    /// <summary>
    /// A required enum with a single value (<c>role: enum [user]</c>) starts at that value, as a const does:
    /// the default struct would otherwise go out as an empty string.
    /// </summary>
    private string? OnlyValue(Mapped mapped, bool required) =>
        required && !mapped.Nullable && FindDecl(mapped.Type.Name) is { Kind: TypeDeclKind.Enum, Members.Count: 1 } decl
            ? decl.Name + "." + decl.Members[0].Name
            : null;

    private bool RequiredIn(IOpenApiSchema schema, string property) =>
        ObjectParts(schema, string.Empty).Any(p => p.Part.Required?.Contains(property) == true);

    private static string Literal(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, true);
}
