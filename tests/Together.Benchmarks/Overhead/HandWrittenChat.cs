using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Together.Benchmarks;

/// <summary>
/// The same chat call written by hand: an HttpClient, two small records, System.Text.Json with its default
/// (reflection) metadata, as most hand-written API code does it. No limiter and no retries.
/// </summary>
internal static class HandWrittenChat
{
    public static async Task<string?> AskAsync(HttpClient http, ChatRequest request)
    {
        using var response = await http.PostAsJsonAsync("chat/completions", request);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<ChatResponse>();
        return answer?.Choices[0].Message.Content;
    }

    internal sealed record ChatRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<Message> Messages,
        [property: JsonPropertyName("max_tokens")] int MaxTokens);

    internal sealed record Message(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content);

    internal sealed record ChatResponse(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("choices")] IReadOnlyList<Choice> Choices,
        [property: JsonPropertyName("usage")] Usage? Usage);

    internal sealed record Choice(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("message")] Message Message,
        [property: JsonPropertyName("finish_reason")] string? FinishReason);

    internal sealed record Usage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
        [property: JsonPropertyName("total_tokens")] int TotalTokens);
}
