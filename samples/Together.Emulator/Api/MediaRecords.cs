using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Together.Emulator;

// Wire types for embeddings, images, speech, rerank and the model list, shaped like spec/openapi.yaml's
// EmbeddingsRequest/Response, ImageResponse, AudioSpeechRequest/StreamChunk, RerankRequest/Response and ModelInfo.

internal sealed record EmbeddingsRequest(string? Model, JsonElement? Input);

internal sealed record EmbeddingList(string Object, string Model, IReadOnlyList<EmbeddingItem> Data);

internal sealed record EmbeddingItem(string Object, int Index, float[] Embedding);

internal sealed record ImageRequest(string? Prompt, string? Model, int? N, string? ResponseFormat);

internal sealed record ImageList(string Id, string Model, string Object, IReadOnlyList<ImageItem> Data);

internal sealed record ImageItem(
    int Index,
    string Type,
    string? Url,
    [property: JsonPropertyName("b64_json")] string? B64Json);

internal sealed record SpeechRequest(
    string? Model,
    string? Input,
    string? Voice,
    string? ResponseFormat,
    string? ResponseEncoding,
    int? SampleRate,
    bool? Stream);

internal sealed record SpeechChunk(string Object, string Model, string B64);

internal sealed record RerankRequest(
    string? Model, string? Query, JsonElement? Documents, int? TopN, bool? ReturnDocuments, List<string>? RankFields);

internal sealed record RerankList(
    string Object, string Id, string Model, IReadOnlyList<RerankResult> Results, Usage Usage);

internal sealed record RerankResult(int Index, double RelevanceScore, RerankDocument? Document);

internal sealed record RerankDocument(string? Text);

internal sealed record ModelInfo(
    string Id,
    string Object,
    long Created,
    string Type,
    string DisplayName,
    string Organization,
    string License,
    int? ContextLength,
    Pricing Pricing);

internal sealed record Pricing(double Hourly, double Input, double Output, double Base, double Finetune);
