using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

/// <summary>A generated type: an object, an open enum or a union.</summary>
internal sealed record TypeDecl(
    TypeDeclKind Kind,
    string Name,
    string? Summary,
    bool Deprecated,
    EquatableArray<PropertyDecl> Properties,
    TypeRef? AdditionalProperties,
    EquatableArray<EnumMember> Members,
    EquatableArray<UnionVariant> Variants,
    string? Discriminator,
    LimitHooks? Hooks,
    string SchemaPath);

internal enum TypeDeclKind
{
    Object,
    Enum,
    Union,
}

/// <summary>A property of an object.</summary>
/// <param name="Default">A C# expression for the default, or null; set only for <c>const</c> values.</param>
/// <param name="DefaultDoc">The spec's default, as documentation.</param>
internal sealed record PropertyDecl(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Summary,
    string? Default,
    string? DefaultDoc,
    bool Deprecated);

/// <summary>A known value of an open enum.</summary>
internal sealed record EnumMember(string WireValue, string Name, string? Summary);

/// <summary>
/// One branch of a union. <paramref name="Token"/> says which JSON token selects it without trying:
/// string, number, integer, boolean, array, object.
/// </summary>
internal sealed record UnionVariant(
    string Name,
    TypeRef Type,
    string Token,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredProperties,
    string? ConstValue);

/// <summary>
/// Which properties of a request body tell the limiters what they need. Null names mean absent.
/// </summary>
internal sealed record LimitHooks(
    string? ModelProperty,
    bool ModelIsString,
    string? MaxTokensProperty,
    string? ChoicesProperty,
    string? StreamProperty);
