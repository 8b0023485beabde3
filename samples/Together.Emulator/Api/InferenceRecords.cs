using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Together.Emulator;

// The emulator's own wire types for chat and text completions, named and shaped like spec/openapi.yaml's
// ChatCompletionRequest/Response/Chunk and CompletionRequest/Response/Chunk (snake_case through ApiJson). Requests
// keep only the fields the emulator reads; other fields are accepted and ignored.

internal sealed record Usage(int PromptTokens, int CompletionTokens, int TotalTokens)
{
    public static Usage Of(int prompt, int completion) => new(prompt, completion, prompt + completion);
}

internal sealed record ChatRequest(string? Model, List<ChatMessageIn>? Messages, int? MaxTokens, bool? Stream);

internal sealed record ChatMessageIn(string? Role, JsonElement? Content);

internal sealed record ChatCompletion(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatChoice> Choices, Usage Usage);

internal sealed record ChatChoice(int Index, ChatMessageOut Message, string FinishReason);

internal sealed record ChatMessageOut(string Role, string Content);

// Together writes "finish_reason": null and "usage": null on the chunks before the last, so these are kept.
internal sealed record ChatChunk(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<ChatChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Usage? Usage);

internal sealed record ChatChunkChoice(
    int Index,
    ChatDelta Delta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);

internal sealed record ChatDelta(string? Role, string? Content);

internal sealed record CompletionRequest(string? Model, string? Prompt, int? MaxTokens, bool? Stream);

internal sealed record TextCompletion(
    string Id, string Object, long Created, string Model, IReadOnlyList<TextChoice> Choices, Usage Usage);

internal sealed record TextChoice(int Index, string Text, string FinishReason);

internal sealed record TextChunk(
    string Id,
    string Object,
    long Created,
    string Model,
    CompletionToken? Token,
    IReadOnlyList<TextChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Usage? Usage);

internal sealed record CompletionToken(int Id, string Text, double Logprob, bool Special);

internal sealed record TextChunkChoice(
    int Index,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);
