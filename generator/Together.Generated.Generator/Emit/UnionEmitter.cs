using System.Collections.Generic;
using System.Linq;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits a oneOf/anyOf as a class holding exactly one branch, with a converter that reads whichever branch
/// the JSON is and writes the branch as itself (a plain string goes out as a plain string).
/// </summary>
internal static partial class UnionEmitter
{
    private const string Reader = "global::Together.Generated.Serialization.UnionReader";

    public static string Emit(TypeDecl type, string @namespace)
    {
        var name = type.Name;
        var primitive = type.Variants.All(v => v.Type.Kind is WireKind.String or WireKind.Bool or WireKind.Integer
            or WireKind.Number or WireKind.WireValue && (v.Type.Kind != WireKind.WireValue || v.Type.IsValueType));
        var writer = new CodeWriter();
        writer.Doc("summary", type.Summary ?? $"One of several shapes of {name}.");
        writer.Line("/// <remarks>Exactly one of the branch properties is set.</remarks>");
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({name}.WireConverter))]");
        writer.Open($"public sealed partial class {name}" +
            (primitive ? " : global::Together.Generated.IWireValue" : ""));
        foreach (var variant in type.Variants)
        {
            writer.Line("/// <summary>Creates the union holding a " +
                $"<c>{CodeWriter.Escape(variant.Name)}</c> branch.</summary>");
            writer.Line($"public {name}({variant.Type.Name} value) => {variant.Name} = value;");
            writer.Line();
        }

        foreach (var variant in type.Variants)
        {
            writer.Line($"/// <summary>The <c>{CodeWriter.Escape(variant.Name)}</c> branch, " +
                "or null when another is set.</summary>");
            writer.Line($"public {variant.Type.Nullable} {variant.Name} {{ get; }}");
            writer.Line();
        }

        writer.Line("/// <summary>The branch that is set, boxed.</summary>");
        var values = string.Join(" ?? ", type.Variants.Select(v => $"(object?){v.Name}"));
        writer.Line($"public object? Value => {(values.Length == 0 ? "null" : values)};");
        writer.Line();
        foreach (var variant in type.Variants.Where(v => AllowsConversion(v.Type)))
        {
            writer.Line($"/// <summary>Wraps a <c>{CodeWriter.Escape(variant.Name)}</c> branch.</summary>");
            writer.Line($"public static implicit operator {name}({variant.Type.Name} value) => new(value);");
            writer.Line();
        }

        if (primitive)
        {
            var wire = string.Join(" ?? ",
                type.Variants.Select(v => $"global::Together.Generated.WireFormat.Value({v.Name})"));
            writer.Line("/// <inheritdoc />");
            writer.Line($"public string WireValue => {wire} ?? string.Empty;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override string ToString() => WireValue;");
        }
        else
        {
            writer.Line("/// <inheritdoc />");
            writer.Line("public override string ToString() => Value?.ToString() ?? string.Empty;");
        }

        writer.Line();
        EmitConverter(writer, type);
        writer.Close();
        return CodeWriter.Header(@namespace) + writer;
    }

    /// <summary>C# forbids user-defined conversions from interfaces and from object.</summary>
    private static bool AllowsConversion(TypeRef type) =>
        type.Kind != WireKind.List &&
        !type.Name.StartsWith("global::System.Collections.Generic.IDictionary", System.StringComparison.Ordinal) &&
        type.Name != "object";

    private static void EmitConverter(CodeWriter writer, TypeDecl type)
    {
        var name = type.Name;
        writer.Line($"/// <summary>Reads whichever branch the JSON holds; writes the branch that is set.</summary>");
        writer.Open("public sealed class WireConverter : " +
            $"global::System.Text.Json.Serialization.JsonConverter<{name}>");
        writer.Line("/// <inheritdoc />");
        writer.Open($"public override {name}? Read(ref global::System.Text.Json.Utf8JsonReader reader, " +
            "global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("var element = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        EmitReadSwitch(writer, type);
        writer.Line($"throw {Reader}.NoBranch({CodeWriter.Quote(name)}, element);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {name} value, " +
            "global::System.Text.Json.JsonSerializerOptions options)");
        var index = 0;
        foreach (var variant in type.Variants)
        {
            var local = "branch" + index++;
            writer.Open($"if (value.{variant.Name} is {{ }} {local})");
            writer.Line($"global::Together.Generated.Serialization.JsonMetadata.Write(writer, {local}, options);");
            writer.Line("return;");
            writer.Close();
            writer.Line();
        }

        writer.Line("writer.WriteNullValue();");
        writer.Close();
        writer.Close();
    }

    private static IEnumerable<UnionVariant> WithToken(TypeDecl type, string token) =>
        type.Variants.Where(v => v.Token == token);
}
