using System.Collections.Generic;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Every type the generated client reads or writes as JSON, each with the expression that builds its metadata:
/// the primitives, the generated models, enums and unions, the lists and maps of them, and the nullable form of
/// every value type. Names are fully qualified, so a model called like a method of the resolver cannot clash.
/// </summary>
internal sealed class JsonTypeSet
{
    private const string Meta = "global::Together.Generated.Serialization.JsonMetadata.";
    private const string Services = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.";

    // System.Text.Json's built-in converter for each primitive the schema mapper produces.
    private static readonly (TypeRef Type, string Converter)[] Primitives =
    {
        (TypeRef.String, "StringConverter"),
        (TypeRef.Bool, "BooleanConverter"),
        (TypeRef.Int, "Int32Converter"),
        (TypeRef.Long, "Int64Converter"),
        (TypeRef.Double, "DoubleConverter"),
        (TypeRef.Float, "SingleConverter"),
        (TypeRef.DateTime, "DateTimeOffsetConverter"),
        (TypeRef.Bytes, "ByteArrayConverter"),
        (TypeRef.Json, "JsonElementConverter"),
    };

    private readonly EmitContext _context;
    private readonly List<(string Type, string Factory)> _entries = new();
    private readonly HashSet<string> _seen = new();

    public JsonTypeSet(EmitContext context)
    {
        _context = context;
        foreach (var (type, _) in Primitives)
        {
            Add(type);
        }

        // The type of every model's extension data property.
        Add(TypeRef.MapOf(TypeRef.Json));
    }

    /// <summary>The types in the order they were first met, each with its metadata factory expression.</summary>
    public IReadOnlyList<(string Type, string Factory)> Entries => _entries;

    /// <summary>
    /// Adds <paramref name="type"/> and what it is made of; returns its qualified name as a property, list item
    /// or map value of that type is declared (with <c>?</c> only where that makes a <c>Nullable&lt;T&gt;</c>).
    /// </summary>
    public string Add(TypeRef type)
    {
        var name = Qualified(type);
        if (name is null)
        {
            return type.Name;
        }

        if (!type.IsValueType)
        {
            return name;
        }

        // Every value type may also stand where null is allowed (an optional property, a nullable item).
        Put(name + "?", $"{Meta}Nullable<{name}>(options)");
        return type.Name.EndsWith("?") ? name + "?" : name;
    }

    /// <summary>
    /// The qualified name of a type that is not null-annotated, adding its metadata; null for a file.
    /// </summary>
    private string? Qualified(TypeRef type)
    {
        if (type.Element is { } element)
        {
            var item = Add(element);
            var list = type.Kind == WireKind.List;
            var name = list
                ? $"global::System.Collections.Generic.IList<{item}>"
                : $"global::System.Collections.Generic.IDictionary<string, {item}>";
            Put(name, $"{Meta}{(list ? "List" : "Map")}<{item}>(options)");
            return name;
        }

        var bare = type.Name.TrimEnd('?');
        foreach (var (primitive, converter) in Primitives)
        {
            if (primitive.Name == bare)
            {
                Put(bare, $"{Meta}Value(options, {Services}{converter})");
                return bare;
            }
        }

        if (!_context.Types.TryGetValue(bare, out var decl))
        {
            // A file travels only in multipart bodies, never as JSON.
            return null;
        }

        var qualified = $"global::{_context.ModelsNamespace}.{bare}";
        Put(qualified, decl.Kind == TypeDeclKind.Object
            ? $"{JsonMetadataEmitter.ObjectMethod(decl)}(options)"
            : $"{Meta}Value(options, new {qualified}.WireConverter())");
        return qualified;
    }

    private void Put(string type, string factory)
    {
        if (_seen.Add(type))
        {
            _entries.Add((type, factory));
        }
    }
}
