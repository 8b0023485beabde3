using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Together.Emulator;

/// <summary>
/// Source-generated serialization of the emulator's API records: snake_case names as in Together's API, nulls left
/// out except where a record keeps them on purpose.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ChatChunk))]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(TextCompletion))]
[JsonSerializable(typeof(TextChunk))]
[JsonSerializable(typeof(EmbeddingsRequest))]
[JsonSerializable(typeof(EmbeddingList))]
[JsonSerializable(typeof(ImageRequest))]
[JsonSerializable(typeof(ImageList))]
[JsonSerializable(typeof(SpeechRequest))]
[JsonSerializable(typeof(SpeechChunk))]
[JsonSerializable(typeof(RerankRequest))]
[JsonSerializable(typeof(RerankList))]
[JsonSerializable(typeof(List<ModelInfo>))]
[JsonSerializable(typeof(FileView))]
[JsonSerializable(typeof(FileList))]
[JsonSerializable(typeof(FileDeleted))]
[JsonSerializable(typeof(FineTuneCreate))]
[JsonSerializable(typeof(FineTuneView))]
[JsonSerializable(typeof(FineTuneList))]
[JsonSerializable(typeof(FineTuneEvents))]
[JsonSerializable(typeof(BatchCreate))]
[JsonSerializable(typeof(BatchJobView))]
[JsonSerializable(typeof(List<BatchJobView>))]
[JsonSerializable(typeof(BatchCreated))]
internal sealed partial class ApiJson : JsonSerializerContext;
