using System.Collections.Generic;
using Together.Models;

namespace Together.HostedChat;

/// <summary>Builds the sample's chat requests.</summary>
internal static class Prompts
{
    public static ChatCompletionRequest Ask(string model, string question) => new()
    {
        Model = model,
        Messages = new List<ChatCompletionMessageParam> { new ChatCompletionUserMessageParam { Content = question } },
        MaxTokens = 32,
    };
}
