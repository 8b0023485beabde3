using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

/// <summary>One HTTP operation of the spec, named and typed.</summary>
internal sealed record OperationModel(
    string Method,
    string Path,
    string? OperationId,
    string Name,
    string Group,
    EquatableArray<string> Tags,
    string? Summary,
    string? Description,
    bool Deprecated,
    string? ServerPath,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response);

/// <summary>A path, query or header parameter.</summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Summary);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A request body: JSON with a type, or multipart with its fields.</summary>
internal sealed record BodyModel(
    BodyKind Kind,
    TypeRef Type,
    bool Required,
    EquatableArray<PropertyDecl> MultipartFields);

internal enum BodyKind
{
    Json,
    Multipart,
}

/// <summary>What a successful call returns and whether a streaming variant exists.</summary>
internal sealed record ResponseModel(
    ResponseKind Kind,
    TypeRef? Type,
    TypeRef? StreamChunk);

internal enum ResponseKind
{
    None,
    Json,
    Text,
    Binary,
    Stream,
}
