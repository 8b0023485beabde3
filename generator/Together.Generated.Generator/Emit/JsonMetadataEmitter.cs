using System.Linq;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>TogetherJsonMetadata</c>, the resolver holding the serialization metadata of every generated type.
/// System.Text.Json's source generator cannot see types another generator emits, so without this the client would
/// fall back to reflection: slower to start, and broken when trimmed or compiled ahead of time.
/// </summary>
internal static class JsonMetadataEmitter
{
    private const string Meta = "global::Together.Generated.Serialization.JsonMetadata.";
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata.";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    /// <summary>The resolver's method building an object's metadata.</summary>
    public static string ObjectMethod(TypeDecl type) => "Object_" + type.Name;

    public static string Emit(EmitContext context)
    {
        var types = CollectTypes(context);
        var writer = new CodeWriter();
        // Deprecated properties are still read and written.
        writer.Line("#pragma warning disable CS0618");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The serialization metadata of every type the generated client reads or writes, built without");
        writer.Line("/// reflection, so the client works trimmed and under native AOT. " +
            "A type it does not know gets null");
        writer.Line("/// (System.Text.Json then throws <see cref=\"global::System.NotSupportedException\"/>).");
        writer.Line("/// </summary>");
        writer.Open($"public sealed class TogetherJsonMetadata : {Metadata}IJsonTypeInfoResolver");
        writer.Line("private TogetherJsonMetadata()");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>The one instance; it holds no state.</summary>");
        writer.Line("public static TogetherJsonMetadata Instance { get; } = new();");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open($"public {Metadata}JsonTypeInfo? GetTypeInfo(global::System.Type type, {Options} options)");
        foreach (var (type, factory) in types.Entries)
        {
            writer.Open($"if (type == typeof({type}))");
            writer.Line($"return {factory};");
            writer.Close();
            writer.Line();
        }

        writer.Line("return null;");
        writer.Close();
        foreach (var type in context.Spec.Types.Where(t => t.Kind == TypeDeclKind.Object))
        {
            writer.Line();
            EmitObject(writer, context, types, type);
        }

        writer.Close();
        return CodeWriter.Header(context.ModelsNamespace) + writer;
    }

    private static JsonTypeSet CollectTypes(EmitContext context)
    {
        var types = new JsonTypeSet(context);
        foreach (var type in context.Spec.Types)
        {
            types.Add(new TypeRef(type.Name, type.Kind == TypeDeclKind.Enum, WireKind.Other));
            foreach (var property in type.Properties)
            {
                types.Add(property.Type);
            }

            foreach (var variant in type.Variants)
            {
                types.Add(variant.Type);
            }
        }

        foreach (var operation in context.Spec.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                types.Add(parameter.Type);
            }

            if (operation.Body is { } body)
            {
                types.Add(body.Type);
                foreach (var field in body.MultipartFields)
                {
                    types.Add(field.Type);
                }
            }

            if (operation.Response.Type is { } response)
            {
                types.Add(response);
            }

            if (operation.Response.StreamChunk is { } chunk)
            {
                types.Add(chunk);
            }
        }

        return types;
    }

    private static void EmitObject(CodeWriter writer, EmitContext context, JsonTypeSet types, TypeDecl type)
    {
        var owner = $"global::{context.ModelsNamespace}.{type.Name}";
        var properties = "Properties_" + type.Name;
        writer.Line($"private static {Metadata}JsonTypeInfo<{owner}> {ObjectMethod(type)}({Options} options) =>");
        writer.Line($"    {Meta}Object(options, static () => new {owner}(), {properties});");
        writer.Line();
        writer.Line($"private static {Metadata}JsonPropertyInfo[] {properties}({Options} options) => " +
            $"new {Metadata}JsonPropertyInfo[]");
        writer.Line("{");
        writer.Indent(() =>
        {
            // Files travel only in multipart bodies: the model marks them JsonIgnore, and so are left out here.
            foreach (var property in type.Properties.Where(p => p.Type != TypeRef.File))
            {
                var optional = !property.Required || property.Nullable;
                var name = types.Add(property.Type);
                var declared = optional && property.Type.IsValueType && !name.EndsWith("?") ? name + "?" : name;
                writer.Line($"{Meta}Property<{declared}>(options, typeof({owner}), " +
                    $"{CodeWriter.Quote(property.Name)}, {CodeWriter.Quote(property.JsonName)},");
                writer.Line($"    static o => (({owner})o).{property.Name}, " +
                    $"static (o, v) => (({owner})o).{property.Name} = v!, " +
                    $"skipNull: {(property.Required ? "false" : "true")}),");
            }

            if (type.AdditionalProperties is not null)
            {
                writer.Line($"{Meta}ExtensionData(options, typeof({owner}), \"AdditionalProperties\",");
                writer.Line($"    static o => (({owner})o).AdditionalProperties, " +
                    $"static (o, v) => (({owner})o).AdditionalProperties = v),");
            }
        });
        writer.Line("};");
    }
}
