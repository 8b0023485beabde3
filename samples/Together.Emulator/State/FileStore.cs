using System;
using System.Threading.Tasks;
using System.Threading;
using System.IO;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Together.Emulator;

/// <summary>
/// An uploaded (or batch-generated) file: small ones in memory, large uploads in a temporary file, so that a 100 MB
/// batch input does not sit in the emulator's (and an in-process test's) memory.
/// </summary>
internal sealed record StoredFile(
    string Id, string Name, string Purpose, string Type, long Length, Func<Stream> Open, DateTimeOffset CreatedAt)
{
    /// <summary>The path of the temporary file holding the content, or null when it is in memory.</summary>
    public string? TempPath { get; init; }

    public FileView View() =>
        new(Id, "file", CreatedAt.ToUnixTimeSeconds(), Name, Length, Purpose, Type, true);
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

    /// <summary>Uploads above this size are kept on disk: 1 MB.</summary>
    public const long InMemoryLimit = 1024 * 1024;

    public StoredFile Add(string name, string purpose, string type, byte[] content)
    {
        var file = new StoredFile(
            state.NextId("file-emu-"), name, purpose, type, content.LongLength,
            () => new MemoryStream(content, writable: false), state.Time.GetUtcNow());
        files[file.Id] = file;
        return file;
    }

    /// <summary>Stores <paramref name="length"/> bytes from <paramref name="source"/>, on disk when large.</summary>
    public async Task<StoredFile> AddAsync(
        string name, string purpose, string type, Stream source, long length, CancellationToken cancellationToken)
    {
        if (length <= InMemoryLimit)
        {
            using var memory = new MemoryStream();
            await source.CopyToAsync(memory, cancellationToken);
            return Add(name, purpose, type, memory.ToArray());
        }

        var path = Path.GetTempFileName();
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        var file = new StoredFile(
            state.NextId("file-emu-"), name, purpose, type, new FileInfo(path).Length, () => File.OpenRead(path),
            state.Time.GetUtcNow()) { TempPath = path };
        files[file.Id] = file;
        return file;
    }

    public StoredFile? Find(string? id) => id is not null && files.TryGetValue(id, out var file) ? file : null;

    // Ids carry a fixed-width sequence number, so ordering by id is ordering by upload.
    public IReadOnlyList<StoredFile> All() => files.Values.OrderBy(file => file.Id, StringComparer.Ordinal).ToList();

    public bool Remove(string? id)
    {
        if (id is null || !files.TryRemove(id, out var file))
        {
            return false;
        }

        if (file.TempPath is not null)
        {
            File.Delete(file.TempPath);
        }

        return true;
    }
}
