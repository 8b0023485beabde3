using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>
/// Reads Together's chat completion and chat completion chunk JSON into <see cref="ChatResponse"/> and
/// <see cref="ChatResponseUpdate"/>. Only the first choice is read: the adapter never asks for more than one.
/// </summary>
public static class ChatResponseMapping
{
    /// <summary>
    /// A response from a chat completion: the first choice's text as one assistant message, its finish reason,
    /// <c>usage</c>, <c>model</c>, <c>id</c> and <c>created</c>.
    /// </summary>
    /// <param name="completion">The completion as the wire shows it.</param>
    /// <param name="raw">The generated object it was read from, kept as the raw representation; may be null.</param>
    public static ChatResponse FromWire(JsonElement completion, object? raw)
    {
        var choice = FirstChoice(completion);
        var message = Property(choice, "message");
        var id = String(completion, "id");
        var reply = new ChatMessage(ChatRoleMapping.FromWire(String(message, "role")), String(message, "content"))
        {
            MessageId = id,
        };
        return new ChatResponse(reply)
        {
            ResponseId = id,
            ModelId = String(completion, "model"),
            CreatedAt = Created(completion),
            FinishReason = FinishReasonMapping.FromWire(String(choice, "finish_reason")),
            Usage = UsageMapping.FromWire(Property(completion, "usage")),
            RawRepresentation = raw,
        };
    }

    /// <summary>
    /// An update from a streamed chunk: the first choice's delta text, its finish reason, and the chunk's
    /// <c>usage</c> (sent on the last chunk) as <see cref="UsageContent"/>.
    /// </summary>
    /// <param name="chunk">The chunk as the wire shows it.</param>
    /// <param name="raw">The generated object it was read from, kept as the raw representation; may be null.</param>
    public static ChatResponseUpdate UpdateFromWire(JsonElement chunk, object? raw)
    {
        var choice = FirstChoice(chunk);
        var delta = Property(choice, "delta");
        var contents = new List<AIContent>();
        if (String(delta, "content") is { Length: > 0 } text)
        {
            contents.Add(new TextContent(text));
        }

        if (UsageMapping.FromWire(Property(chunk, "usage")) is { } usage)
        {
            contents.Add(new UsageContent(usage));
        }

        var id = String(chunk, "id");
        return new ChatResponseUpdate(ChatRoleMapping.FromWire(String(delta, "role")), contents)
        {
            ResponseId = id,
            MessageId = id,
            ModelId = String(chunk, "model"),
            CreatedAt = Created(chunk),
            FinishReason = FinishReasonMapping.FromWire(String(choice, "finish_reason")),
            RawRepresentation = raw,
        };
    }

    private static JsonElement FirstChoice(JsonElement completion) =>
        Property(completion, "choices") is { ValueKind: JsonValueKind.Array } choices && choices.GetArrayLength() > 0
            ? choices[0]
            : default;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static DateTimeOffset? Created(JsonElement element) =>
        Property(element, "created") is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
