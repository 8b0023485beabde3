using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

/// <summary>Everything generated from one spec, independent of the limits file, value-equal for caching.</summary>
internal sealed record SpecModel(
    string FilePath,
    string Title,
    EquatableArray<OperationModel> Operations,
    EquatableArray<TypeDecl> Types,
    EquatableArray<string> Fallbacks,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A C# type as generated code names it.</summary>
/// <param name="Name">The type expression without a nullable marker, e.g. <c>string</c> or a model name.</param>
/// <param name="IsValueType">Whether <c>?</c> makes a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Kind">How the runtime formats it on the wire (path and query values).</param>
internal sealed record TypeRef(string Name, bool IsValueType, WireKind Kind)
{
    public static readonly TypeRef String = new("string", false, WireKind.String);
    public static readonly TypeRef Bool = new("bool", true, WireKind.Bool);
    public static readonly TypeRef Int = new("int", true, WireKind.Integer);
    public static readonly TypeRef Long = new("long", true, WireKind.Integer);
    public static readonly TypeRef Double = new("double", true, WireKind.Number);
    public static readonly TypeRef Float = new("float", true, WireKind.Number);
    public static readonly TypeRef DateTime = new("global::System.DateTimeOffset", true, WireKind.DateTime);
    public static readonly TypeRef Bytes = new("byte[]", false, WireKind.Other);
    public static readonly TypeRef Json = new("global::System.Text.Json.JsonElement", true, WireKind.Other);
    public static readonly TypeRef File = new("global::Together.Generated.FileUpload", false, WireKind.File);

    /// <summary>The item of a list or the value of a map, else null; its name ends in <c>?</c> when nullable.</summary>
    public TypeRef? Element { get; init; }

    public string Nullable => Name + "?";

    public static TypeRef ListOf(TypeRef item) =>
        new($"global::System.Collections.Generic.IList<{item.Name}>", false, WireKind.List) { Element = item };

    public static TypeRef MapOf(TypeRef value) =>
        new($"global::System.Collections.Generic.IDictionary<string, {value.Name}>", false, WireKind.Other)
        {
            Element = value,
        };
}

/// <summary>How a value is written into a path or query string.</summary>
internal enum WireKind
{
    String,
    Bool,
    Integer,
    Number,
    DateTime,
    WireValue,
    List,
    File,
    Other,
}
