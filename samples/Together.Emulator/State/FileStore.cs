using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Together.Emulator;

/// <summary>An uploaded (or batch-generated) file, kept in memory.</summary>
internal sealed record StoredFile(
    string Id, string Name, string Purpose, string Type, byte[] Content, DateTimeOffset CreatedAt)
{
    public FileView View() =>
        new(Id, "file", CreatedAt.ToUnixTimeSeconds(), Name, Content.LongLength, Purpose, Type, true);
}

/// <summary>The files of all keys together (the emulator does not separate accounts). Thread-safe.</summary>
internal sealed class FileStore(EmulatorState state)
{
    /// <summary>The purposes the spec's FilePurpose enum allows.</summary>
    public static readonly IReadOnlySet<string> Purposes = new HashSet<string>(StringComparer.Ordinal)
    {
        "fine-tune", "eval", "eval-sample", "eval-output", "eval-summary", "batch-generated", "batch-api",
    };

    /// <summary>The types the spec's FileType enum allows.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "csv", "jsonl", "parquet",
    };

    private readonly ConcurrentDictionary<string, StoredFile> files = new(StringComparer.Ordinal);

    public StoredFile Add(string name, string purpose, string type, byte[] content)
    {
        var file = new StoredFile(state.NextId("file-emu-"), name, purpose, type, content, state.Time.GetUtcNow());
        files[file.Id] = file;
        return file;
    }

    public StoredFile? Find(string? id) => id is not null && files.TryGetValue(id, out var file) ? file : null;

    // Ids carry a fixed-width sequence number, so ordering by id is ordering by upload.
    public IReadOnlyList<StoredFile> All() => files.Values.OrderBy(file => file.Id, StringComparer.Ordinal).ToList();

    public bool Remove(string? id) => id is not null && files.TryRemove(id, out _);
}
