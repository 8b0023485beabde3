using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary><c>POST /v1/completions</c>: an echo of the prompt, as JSON or as an event stream.</summary>
internal static class CompletionEndpoint
{
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.CompletionRequest, Shape, RespondAsync);

    private static CallShape Shape(CompletionRequest request)
    {
        if (CallShape.Require(request.Model, "model") is { } missingModel)
        {
            return missingModel;
        }

        if (request.Prompt is null)
        {
            return CallShape.Invalid("The 'prompt' field is required.", "prompt");
        }

        var reply = FakeText.Answer(request.Prompt, request.MaxTokens, int.MaxValue);
        return new CallShape(
            request.Model, FakeText.PromptTokens(request.Prompt) + reply.Tokens, request.Stream == true);
    }

    private static async Task RespondAsync(HttpContext context, CompletionRequest request, Call call)
    {
        var prompt = request.Prompt!;
        var reply = FakeText.Answer(prompt, request.MaxTokens, call.Options.DefaultMaxTokens);
        var id = call.State.NextId("cmpl-emu-");
        var created = call.State.Time.GetUtcNow().ToUnixTimeSeconds();
        var model = request.Model!;
        var usage = Usage.Of(FakeText.PromptTokens(prompt), reply.Tokens);
        if (request.Stream != true)
        {
            var choice = new TextChoice(0, reply.Text, reply.FinishReason);
            await JsonWire.WriteAsync(
                context, new TextCompletion(id, "text.completion", created, model, [choice], usage),
                ApiJson.Default.TextCompletion);
            return;
        }

        var stream = new SseWriter(context, call);
        await stream.StartAsync();
        var pieces = reply.Pieces.Count == 0 ? new List<string> { string.Empty } : reply.Pieces.ToList();
        var separate = call.Options.StreamUsage == StreamUsageMode.SeparateChunk;
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            var token = new CompletionToken(1000 + i, pieces[i], -0.5, false);
            var choice = new TextChunkChoice(0, pieces[i], last ? reply.FinishReason : null);
            var chunk = new TextChunk(
                id, "completion.chunk", created, model, token, [choice], last && !separate ? usage : null);
            if (!await stream.WriteAsync(chunk, ApiJson.Default.TextChunk))
            {
                return;
            }
        }

        if (separate
            && !await stream.WriteAsync(
                new TextChunk(id, "completion.chunk", created, model, null, [], usage), ApiJson.Default.TextChunk))
        {
            return;
        }

        await stream.FinishAsync();
    }
}
