using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>
/// Writes Microsoft.Extensions.AI chat messages and options as the JSON body of Together's chat completions request.
/// The generated adapter reads that body into the spec's generated request type: the wire names are the same in
/// every spec version, while the generated type names are not, so the mapping lives here once, untyped.
/// </summary>
public static class ChatRequestMapping
{
    /// <summary>
    /// The request body for <paramref name="messages"/> under <paramref name="options"/>: <c>model</c> (the options'
    /// <see cref="ChatOptions.ModelId"/>, else <paramref name="defaultModelId"/>), <c>messages</c>, and where set
    /// <c>temperature</c>, <c>top_p</c>, <c>max_tokens</c> and <c>stop</c>. Other options are not sent.
    /// </summary>
    /// <param name="messages">System, user and assistant messages holding text.</param>
    /// <param name="options">The call's options; may be null.</param>
    /// <param name="defaultModelId">The model when the options name none.</param>
    /// <exception cref="ArgumentException">There are no messages, or no model is named.</exception>
    /// <exception cref="NotSupportedException">
    /// A message has another role (tool) or content other than text, or the options carry tools.
    /// </exception>
    public static JsonObject Write(IEnumerable<ChatMessage> messages, ChatOptions? options, string? defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? defaultModelId;
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ArgumentException(
                "No model: set ChatOptions.ModelId or give the chat client a default model.", nameof(options));
        }

        if (options?.Tools is { Count: > 0 })
        {
            throw new NotSupportedException(
                "The Together chat client does not support tools (ChatOptions.Tools) or function calling.");
        }

        var list = new JsonArray();
        foreach (var message in messages)
        {
            list.Add((JsonNode)WriteMessage(message));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A chat request needs at least one message.", nameof(messages));
        }

        var body = new JsonObject { ["model"] = model, ["messages"] = list };
        AddOptions(body, options);
        return body;
    }

    private static void AddOptions(JsonObject body, ChatOptions? options)
    {
        if (options?.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        if (options?.TopP is { } topP)
        {
            body["top_p"] = topP;
        }

        if (options?.MaxOutputTokens is { } maxTokens)
        {
            body["max_tokens"] = maxTokens;
        }

        if (options?.StopSequences is { Count: > 0 } stop)
        {
            body["stop"] = new JsonArray(stop.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }
    }

    private static JsonObject WriteMessage(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var node = new JsonObject { ["role"] = ChatRoleMapping.ToWire(message.Role), ["content"] = Text(message) };
        if (!string.IsNullOrEmpty(message.AuthorName))
        {
            node["name"] = message.AuthorName;
        }

        return node;
    }

    private static string Text(ChatMessage message)
    {
        foreach (var content in message.Contents)
        {
            // Usage and reasoning come back on earlier responses kept in the history; they are not prompt text.
            if (content is not (TextContent or UsageContent or TextReasoningContent))
            {
                throw new NotSupportedException("The Together chat client sends text only; "
                    + $"a {message.Role} message holds {content.GetType().Name}.");
            }
        }

        return string.Concat(message.Contents.OfType<TextContent>().Select(c => c.Text));
    }
}
