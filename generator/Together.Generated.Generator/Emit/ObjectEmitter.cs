using System.Linq;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>Emits a model class for an object schema.</summary>
internal static class ObjectEmitter
{
    private const string Json = "global::System.Text.Json.Serialization.";

    /// <param name="type">The object type.</param>
    /// <param name="namespace">The models namespace.</param>
    /// <param name="usageTokens">
    /// The expression reading <c>usage.total_tokens</c> as an <c>int?</c> when the type reports usage, else null.
    /// </param>
    public static string Emit(TypeDecl type, string @namespace, string? usageTokens = null)
    {
        var writer = new CodeWriter();
        writer.Doc("summary", type.Summary ?? $"The {type.Name} schema.");
        if (type.Deprecated)
        {
            writer.Line("/// <remarks>Deprecated in the spec.</remarks>");
        }

        var implemented = new[]
        {
            type.Hooks is null ? null : "global::Together.Generated.ILimitedRequest",
            usageTokens is null ? null : "global::Together.Generated.ITokenUsage",
        }.Where(i => i is not null).ToArray();
        var interfaces = implemented.Length == 0 ? string.Empty : " : " + string.Join(", ", implemented);
        writer.Open($"public sealed partial class {type.Name}{interfaces}");
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitProperty(writer, property);
        }

        if (type.AdditionalProperties is not null)
        {
            writer.Line();
            writer.Line("/// <summary>Properties the spec does not name, " +
                "kept so that nothing is lost on a round trip.</summary>");
            writer.Line($"[{Json}JsonExtensionData]");
            writer.Line("public global::System.Collections.Generic.IDictionary<string, " +
                "global::System.Text.Json.JsonElement>? " +
                "AdditionalProperties { get; set; }");
        }

        if (type.Hooks is { } hooks)
        {
            writer.Line();
            EmitHooks(writer, type, hooks);
        }

        if (usageTokens is not null)
        {
            writer.Line();
            writer.Line($"int? global::Together.Generated.ITokenUsage.TotalTokens => {usageTokens};");
        }

        writer.Close();
        return CodeWriter.Header(@namespace) + writer;
    }

    private static void EmitProperty(CodeWriter writer, PropertyDecl property)
    {
        writer.Doc("summary", property.Summary ?? $"The {property.JsonName} property.");
        if (property.DefaultDoc is not null)
        {
            writer.Doc("remarks", "The server's default is " + property.DefaultDoc + ".");
        }

        if (property.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        writer.Line($"[{Json}JsonPropertyName({CodeWriter.Quote(property.JsonName)})]");
        var optional = !property.Required || property.Nullable || property.Type == TypeRef.File;
        if (property.Type == TypeRef.File)
        {
            // Files travel only in multipart bodies, never as JSON.
            writer.Line($"[{Json}JsonIgnore]");
        }
        else if (!property.Required)
        {
            writer.Line($"[{Json}JsonIgnore(Condition = {Json}JsonIgnoreCondition.WhenWritingNull)]");
        }

        var type = optional ? property.Type.Nullable : property.Type.Name;
        var initializer = property.Default is not null
            ? " = " + property.Default + ";"
            : optional || property.Type.IsValueType ? string.Empty : " = default!;";
        writer.Line($"public {type} {property.Name} {{ get; set; }}{initializer}");
    }

    private static void EmitHooks(CodeWriter writer, TypeDecl type, LimitHooks hooks)
    {
        const string Limited = "global::Together.Generated.ILimitedRequest";
        var model = hooks.ModelProperty is null
            ? "null"
            : hooks.ModelIsString ? hooks.ModelProperty : WireValue(type, hooks.ModelProperty);
        writer.Line($"string? {Limited}.Model => {model};");
        writer.Line();
        writer.Line($"int? {Limited}.MaxTokens => {Clamp(type, hooks.MaxTokensProperty)};");
        writer.Line();
        writer.Line($"int? {Limited}.Choices => {Clamp(type, hooks.ChoicesProperty)};");
        writer.Line();
        var stream = hooks.StreamProperty is null ? "false" : hooks.StreamProperty + " == true";
        writer.Line($"bool {Limited}.Streams => {stream};");
    }

    private static string WireValue(TypeDecl type, string property)
    {
        var decl = Find(type, property);
        if (!decl.Type.IsValueType)
        {
            return $"{property}?.ToString()";
        }

        return decl.Nullable || !decl.Required ? $"{property}?.WireValue" : $"{property}.WireValue";
    }

    private static string Clamp(TypeDecl type, string? property)
    {
        if (property is null)
        {
            return "null";
        }

        var decl = Find(type, property);
        if (decl.Type.Name == "int")
        {
            return property;
        }

        // Counts above int.MaxValue mean "unbounded" to a limiter; clamp rather than overflow.
        return decl.Nullable || !decl.Required
            ? $"{property} is {{ }} value ? (int)global::System.Math.Min(value, int.MaxValue) : null"
            : $"(int)global::System.Math.Min({property}, int.MaxValue)";
    }

    private static PropertyDecl Find(TypeDecl type, string property)
    {
        foreach (var candidate in type.Properties)
        {
            if (candidate.Name == property)
            {
                return candidate;
            }
        }

        return type.Properties[0];
    }
}
