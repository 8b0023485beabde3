using System.Collections.Generic;
using Together.Generated;
using Together.Models;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>Chat requests and chat endpoints as the tests vary them.</summary>
internal static class Chat
{
    /// <summary>A one-message chat request.</summary>
    public static ChatCompletionRequest Ask(
        string text, string model = QuickstartRun.DefaultModel, int maxTokens = 16) => new()
        {
            Model = model,
            Messages = new List<ChatCompletionMessageParam>
            {
                new ChatCompletionUserMessageParam { Content = text },
            },
            MaxTokens = maxTokens,
        };

    /// <summary>
    /// A request to the generated chat endpoint as the limits file describes it, with limiters appended and fallback
    /// models set, as limits file rules (<c>limiters: [...]</c>, <c>fallback_models: [...]</c>) would emit it.
    /// </summary>
    public static ApiRequest Request(string[]? extraLimiters = null, string[]? fallbacks = null)
    {
        var chat = TogetherEndpoints.ChatCompletions;
        var endpoint = new EndpointDescriptor(chat.Name, chat.Method.Method, chat.PathTemplate,
            [.. chat.Limiters, .. extraLimiters ?? []], chat.RetryPolicy, chat.Idempotent, chat.ServerPath, fallbacks);
        return new ApiRequest(endpoint, "/chat/completions");
    }
}
