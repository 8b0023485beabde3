using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits an open enum: a struct over the wire string with a property per known value, so a value a newer
/// server adds survives a round trip instead of failing deserialization.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(TypeDecl type, string @namespace)
    {
        var name = type.Name;
        var writer = new CodeWriter();
        writer.Doc("summary", type.Summary ?? $"The {name} values.");
        writer.Line("/// <remarks>An open set: values not listed here are kept as they arrive.</remarks>");
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({name}.WireConverter))]");
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>, " +
            "global::Together.Generated.IWireValue");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value from its wire form.</summary>");
        writer.Line($"public {name}(string value) => _value = value ?? " +
            "throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.Members)
        {
            writer.Line();
            writer.Line($"/// <summary>The value <c>{CodeWriter.Escape(member.WireValue)}</c>.</summary>");
            writer.Line($"public static {name} {member.Name} {{ get; }} = new({CodeWriter.Quote(member.WireValue)});");
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public string WireValue => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Converts a wire string to a value.</summary>");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their wire form.</summary>");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their wire form.</summary>");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public bool Equals({name} other) => " +
            "string.Equals(WireValue, other.WireValue, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override int GetHashCode() => " +
            "global::System.StringComparer.Ordinal.GetHashCode(WireValue);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override string ToString() => WireValue;");
        writer.Line();
        EmitConverter(writer, name);
        writer.Close();
        return CodeWriter.Header(@namespace) + writer;
    }

    private static void EmitConverter(CodeWriter writer, string name)
    {
        writer.Line("/// <summary>Reads and writes the value as a JSON string.</summary>");
        writer.Open("public sealed class WireConverter : " +
            $"global::System.Text.Json.Serialization.JsonConverter<{name}>");
        writer.Line("/// <inheritdoc />");
        writer.Open($"public override {name} Read(ref global::System.Text.Json.Utf8JsonReader reader, " +
            "global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        writer.Line($"throw new global::System.Text.Json.JsonException(\"Expected a string for {name}.\");");
        writer.Close();
        writer.Line();
        writer.Line("return new(reader.GetString()!);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {name} value, " +
            "global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("    writer.WriteStringValue(value.WireValue);");
        writer.Close();
    }
}
