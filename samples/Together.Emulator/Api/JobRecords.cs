using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Together.Emulator;

// Wire types for files, fine-tunes and batches, shaped like spec/openapi.yaml's FileResponse, FileList,
// FileDeleteResponse, FinetuneResponse(Truncated), FineTuneEvent, BatchJob and BatchJobWithWarning.

// FileResponse spells two of its fields in PascalCase; the spec (and Together) really do.
internal sealed record FileView(
    string Id,
    string Object,
    long CreatedAt,
    string Filename,
    long Bytes,
    string Purpose,
    [property: JsonPropertyName("FileType")] string FileType,
    [property: JsonPropertyName("Processed")] bool Processed);

internal sealed record FileList(IReadOnlyList<FileView> Data);

internal sealed record FileDeleted(string Id, bool Deleted);

internal sealed record FineTuneCreate(
    string? TrainingFile,
    string? ValidationFile,
    string? Model,
    int? NEpochs,
    int? NCheckpoints,
    int? NEvals,
    JsonElement? BatchSize,
    double? LearningRate,
    string? Suffix);

internal sealed record FineTuneView(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    string Model,
    string ModelOutputName,
    string TrainingFile,
    string? ValidationFile,
    int NEpochs,
    int NCheckpoints,
    int NEvals,
    int BatchSize,
    double LearningRate,
    string? Suffix,
    int? EpochsCompleted,
    IReadOnlyList<FineTuneEventView>? Events);

internal sealed record FineTuneEventView(string Object, string CreatedAt, string Level, string Message, string Type);

internal sealed record FineTuneList(IReadOnlyList<FineTuneView> Data);

internal sealed record FineTuneEvents(IReadOnlyList<FineTuneEventView> Data);

internal sealed record BatchCreate(
    string? Endpoint, string? InputFileId, string? CompletionWindow, int? Priority, string? ModelId);

internal sealed record BatchJobView(
    string Id,
    string UserId,
    string InputFileId,
    long FileSizeBytes,
    string Status,
    DateTimeOffset JobDeadline,
    DateTimeOffset CreatedAt,
    string Endpoint,
    double Progress,
    string? ModelId,
    string? OutputFileId,
    string? ErrorFileId,
    string? Error,
    DateTimeOffset? CompletedAt);

internal sealed record BatchCreated(BatchJobView Job, string? Warning);
