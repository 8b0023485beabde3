using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

internal sealed partial class OperationMapper
{
    private BodyModel? MapBody(OpenApiOperation operation, string name, string pointer)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        // Specs often leave requestBody.required unset; a body whose schema requires properties is required too.
        var required = operation.RequestBody.Required ||
            content.Values.Any(m => _schemas.Resolve(m.Schema)?.Required is { Count: > 0 });
        var bodyPointer = pointer + "/requestBody/content/";
        if (FindMedia(content, IsJson) is { } json)
        {
            var mapped = _schemas.Map(json.Value.Schema, name + "Request", bodyPointer + Escape(json.Key) + "/schema");
            return new BodyModel(BodyKind.Json, mapped.Type, required, EquatableArray<PropertyDecl>.Empty);
        }

        if (FindMedia(content, m => m.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) is
            { } multipart)
        {
            var mapped = _schemas.Map(multipart.Value.Schema, name + "Request",
                bodyPointer + Escape(multipart.Key) + "/schema");
            var fields = _schemas.FindDecl(mapped.Type.Name)?.Properties ?? EquatableArray<PropertyDecl>.Empty;
            return new BodyModel(BodyKind.Multipart, mapped.Type, required, fields);
        }

        Report(GeneratorDiagnostics.SpecProblem, pointer, pointer,
            $"request body media type '{content.Keys.First()}' is not supported; the body is left out");
        return null;
    }

    private ResponseModel MapResponse(OpenApiOperation operation, string name, string pointer)
    {
        var success = (operation.Responses ?? new OpenApiResponses())
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (success.Value?.Content is not { Count: > 0 } content)
        {
            return new ResponseModel(ResponseKind.None, null, null);
        }

        var responsePointer = pointer + "/responses/" + success.Key + "/content/";
        TypeRef? chunk = null;
        if (FindMedia(content, m => m.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase)) is
            { } events)
        {
            chunk = StreamChunk(events.Value.Schema, name, responsePointer + Escape(events.Key) + "/schema");
        }

        if (FindMedia(content, IsJson) is { } json)
        {
            var mapped = _schemas.Map(json.Value.Schema, name + "Response",
                responsePointer + Escape(json.Key) + "/schema");
            return mapped.Type == TypeRef.File
                ? new ResponseModel(ResponseKind.Binary, null, chunk)
                : new ResponseModel(ResponseKind.Json, mapped.Type, chunk);
        }

        if (content.Keys.Any(IsBinary))
        {
            return new ResponseModel(ResponseKind.Binary, null, chunk);
        }

        if (content.Keys.Any(m => m.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return new ResponseModel(ResponseKind.Text, TypeRef.String, chunk);
        }

        return chunk is null
            ? new ResponseModel(ResponseKind.Binary, null, null)
            : new ResponseModel(ResponseKind.Stream, null, chunk);
    }

    /// <summary>
    /// The type of one SSE event's data. Specs describe a stream as <c>oneOf {data: Chunk} | {data: "[DONE]"}</c>;
    /// the chunk is the <c>data</c> of the branch that is not the sentinel, and the caller never sees the wrapper.
    /// </summary>
    private TypeRef StreamChunk(IOpenApiSchema? schema, string name, string pointer)
    {
        var target = _schemas.Resolve(schema);
        if (target is null)
        {
            return TypeRef.Json;
        }

        var candidates = (target.OneOf ?? new List<IOpenApiSchema>()).Concat(target.AnyOf ?? new List<IOpenApiSchema>())
            .Select(b => (Branch: b, Target: _schemas.Resolve(b)))
            .Where(b => b.Target is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            candidates.Add((schema!, target));
        }

        foreach (var (branch, branchTarget) in candidates)
        {
            if (branchTarget!.Properties is { } properties && properties.TryGetValue("data", out var data))
            {
                if (IsSentinel(_schemas.Resolve(data)))
                {
                    continue;
                }

                return _schemas.Map(data, name + "Chunk", pointer + "/properties/data").Type;
            }
        }

        return _schemas.Map(candidates[0].Branch, name + "Chunk", pointer).Type;
    }

    /// <summary>A fixed string such as <c>"[DONE]"</c>, as an enum or a const, typed string or untyped.</summary>
    private static bool IsSentinel(IOpenApiSchema? data) =>
        data is not null &&
        (data.Enum?.Count > 0 || data.Const is not null) &&
        SchemaFacts.Count(data.Properties) == 0 &&
        (data.Type is null || SchemaFacts.SingleType(data) == JsonSchemaType.String);

    private static KeyValuePair<string, IOpenApiMediaType>? FindMedia(IDictionary<string, IOpenApiMediaType> content,
        Func<string, bool> predicate)
    {
        foreach (var entry in content)
        {
            if (predicate(entry.Key))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsBinary(string mediaType) =>
        mediaType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) ||
        mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ||
        mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ||
        mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
