using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>POST /v1/chat/completions</c>: an echo of the last user message, as JSON or as an event stream.
/// </summary>
internal static class ChatEndpoint
{
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.ChatRequest, Shape, RespondAsync);

    private static CallShape Shape(ChatRequest request)
    {
        if (CallShape.Require(request.Model, "model") is { } missing)
        {
            return missing;
        }

        if (request.Messages is not { Count: > 0 })
        {
            return CallShape.Invalid("The 'messages' field must be a non-empty list.", "messages");
        }

        var (prompt, reply) = Generate(request, int.MaxValue);
        return new CallShape(request.Model, prompt + reply.Tokens, request.Stream == true);
    }

    private static async Task RespondAsync(HttpContext context, ChatRequest request, Call call)
    {
        var (prompt, reply) = Generate(request, call.Options.DefaultMaxTokens);
        var id = call.State.NextId("chatcmpl-emu-");
        var created = call.State.Time.GetUtcNow().ToUnixTimeSeconds();
        var model = request.Model!;
        var usage = Usage.Of(prompt, reply.Tokens);
        if (request.Stream != true)
        {
            var choice = new ChatChoice(0, new ChatMessageOut("assistant", reply.Text), reply.FinishReason);
            await JsonWire.WriteAsync(
                context, new ChatCompletion(id, "chat.completion", created, model, [choice], usage),
                ApiJson.Default.ChatCompletion);
            return;
        }

        var stream = new SseWriter(context, call);
        await stream.StartAsync();
        var pieces = reply.Pieces.Count == 0 ? new List<string> { string.Empty } : reply.Pieces.ToList();
        var separate = call.Options.StreamUsage == StreamUsageMode.SeparateChunk;
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            var delta = new ChatDelta(i == 0 ? "assistant" : null, pieces[i]);
            var choice = new ChatChunkChoice(0, delta, last ? reply.FinishReason : null);
            var chunk = new ChatChunk(
                id, "chat.completion.chunk", created, model, [choice], last && !separate ? usage : null);
            if (!await stream.WriteAsync(chunk, ApiJson.Default.ChatChunk))
            {
                return;
            }
        }

        if (separate
            && !await stream.WriteAsync(
                new ChatChunk(id, "chat.completion.chunk", created, model, [], usage), ApiJson.Default.ChatChunk))
        {
            return;
        }

        await stream.FinishAsync();
    }

    private static (int Prompt, Reply Reply) Generate(ChatRequest request, int defaultMaxTokens)
    {
        var messages = request.Messages!;
        var prompt = string.Join("\n", messages.Select(message => FakeText.ContentText(message.Content)));
        var lastUser = messages.LastOrDefault(message => message.Role == "user") ?? messages[^1];
        var reply = FakeText.Answer(FakeText.ContentText(lastUser.Content), request.MaxTokens, defaultMaxTokens);
        return (FakeText.PromptTokens(prompt), reply);
    }
}
