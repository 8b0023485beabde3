using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Together.Emulator;

/// <summary>A fine-tuning job; its status follows from its age on the injected clock.</summary>
internal sealed class FineTuneJob
{
    public required string Id { get; init; }

    public required FineTuneCreate Request { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set once, under the job's lock.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>A batch job; its status follows from its age on the injected clock.</summary>
internal sealed class BatchJob
{
    public required string Id { get; init; }

    public required BatchCreate Request { get; init; }

    public required long InputBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set once, under the job's lock.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Created the first time the job is seen completed, under the job's lock.</summary>
    public string? OutputFileId { get; set; }
}

/// <summary>Fine-tuning and batch jobs of all keys together. Thread-safe.</summary>
internal sealed class JobStore(EmulatorState state)
{
    private readonly ConcurrentDictionary<string, FineTuneJob> fineTunes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BatchJob> batches = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a job unless <paramref name="cap"/> (0: none) jobs are already pending or running; null when refused.
    /// </summary>
    public FineTuneJob? TryAddFineTune(FineTuneCreate request, int cap, TimeSpan duration)
    {
        lock (fineTunes)
        {
            var now = state.Time.GetUtcNow();
            if (cap > 0 && fineTunes.Values.Count(j => FineTuneViews.Status(j, now, duration) is "pending" or "running")
                >= cap)
            {
                return null;
            }

            var job = new FineTuneJob { Id = state.NextId("ft-emu-"), Request = request, CreatedAt = now };
            fineTunes[job.Id] = job;
            return job;
        }
    }

    public BatchJob AddBatch(BatchCreate request, long inputBytes)
    {
        var job = new BatchJob
        {
            Id = state.NextId("batch-emu-"), Request = request, InputBytes = inputBytes,
            CreatedAt = state.Time.GetUtcNow(),
        };
        batches[job.Id] = job;
        return job;
    }

    public FineTuneJob? FineTune(string? id) => id is not null && fineTunes.TryGetValue(id, out var job) ? job : null;

    public BatchJob? Batch(string? id) => id is not null && batches.TryGetValue(id, out var job) ? job : null;

    public IReadOnlyList<FineTuneJob> FineTunes() =>
        fineTunes.Values.OrderBy(job => job.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<BatchJob> Batches() => batches.Values.OrderBy(job => job.Id, StringComparer.Ordinal).ToList();
}
