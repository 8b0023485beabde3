using System.Text.Json.Serialization;

namespace Together.Generated.Runtime.Tests;

internal sealed record Thing(string? Id, string? Text);

internal sealed record Chunk(string? Text);

internal sealed record UsageChunk(string? Text, string? FinishReason, UsageCounts? Usage);

internal sealed record UsageCounts(int PromptTokens, int CompletionTokens, int TotalTokens);

/// <summary>A request body that tells the limiters its model and token ceiling, like generated requests.</summary>
internal sealed class ModelRequest : ILimitedRequest
{
    public string? Model { get; set; }

    public int? MaxTokens { get; set; }

    string? ILimitedRequest.Model => Model;

    int? ILimitedRequest.MaxTokens => MaxTokens;

    int? ILimitedRequest.Choices => null;

    bool ILimitedRequest.Streams => false;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Thing))]
[JsonSerializable(typeof(Chunk))]
[JsonSerializable(typeof(UsageChunk))]
[JsonSerializable(typeof(ModelRequest))]
internal sealed partial class TestJson : JsonSerializerContext;
