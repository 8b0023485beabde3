using System.Linq;

namespace Together.Generated.Generator.Model;

/// <summary>
/// The names the Microsoft.Extensions.AI chat adapter is written with, found in the spec's chat completions
/// operation: its group, method, request, response and stream chunk types. The adapter fills the request from JSON,
/// so the request must carry every wire property it writes (<c>model</c>, <c>messages</c>, <c>temperature</c>,
/// <c>top_p</c>, <c>max_tokens</c>, <c>stop</c>) and a stream flag; null when the spec lacks any of it, so no
/// adapter is emitted rather than one that silently drops a setting.
/// </summary>
internal sealed record ChatAdapterShape(
    string Group,
    string MethodName,
    string RequestType,
    string ResponseType,
    string ChunkType)
{
    private static readonly string[] Written = { "model", "messages", "temperature", "top_p", "max_tokens", "stop" };

    public static ChatAdapterShape? Find(SpecModel spec)
    {
        var operation = spec.Operations.FirstOrDefault(o =>
            o.Method == "POST" && o.Path == "/chat/completions" && o.Parameters.Count == 0
            && o.Body is { Kind: BodyKind.Json, Required: true }
            && o.Response is { Kind: ResponseKind.Json, Type: not null, StreamChunk: not null });
        var request = operation is null
            ? null
            : spec.Types.FirstOrDefault(t => t.Name == operation.Body!.Type.Name && t.Kind == TypeDeclKind.Object);
        if (operation is null || request is null || request.Hooks?.StreamProperty is null
            || !Written.All(name => request.Properties.Any(p => p.JsonName == name)))
        {
            return null;
        }

        return new ChatAdapterShape(operation.Group, operation.Name, request.Name, operation.Response.Type!.Name,
            operation.Response.StreamChunk!.Name);
    }
}
