using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Together;
using Together.Generated;
using Together.Models;

// Lists the models, asks for one chat completion, then streams another, printing tokens as they arrive.
// The key comes from TOGETHER_API_KEY and the base URL from TOGETHER_BASE_URL (default: the real API).
var model = args.Length > 0 ? args[0] : "meta-llama/Llama-3.3-70B-Instruct-Turbo";
using var client = new TogetherClient(new TogetherClientOptions());

var models = await client.Models.ModelsAsync();
Console.WriteLine($"{models.Count} models available.");

var answer = await client.Chat.ChatCompletionsAsync(Ask(model, "Say hello in five words."));
Console.WriteLine(answer.Choices[0].Message?.Content);

await foreach (var chunk in client.Chat.ChatCompletionsStreamAsync(Ask(model, "Count from one to five.")))
{
    if (chunk.Choices.Count > 0)
    {
        Console.Write(chunk.Choices[0].Delta?.Content);
    }
}

Console.WriteLine();
return 0;

static ChatCompletionRequest Ask(string model, string prompt) => new()
{
    Model = model,
    Messages = new List<ChatCompletionMessageParam> { new ChatCompletionUserMessageParam { Content = prompt } },
    MaxTokens = 64,
};
