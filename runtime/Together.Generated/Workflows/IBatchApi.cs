using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// The Batch API calls <see cref="BatchJobRunner"/> makes. The generator implements it over the generated client
/// (files upload, batches create, get and list, file content), so each call runs under its endpoint's limiters and
/// retry policy.
/// </summary>
public interface IBatchApi
{
    /// <summary>
    /// Uploads the JSONL file at <paramref name="path"/> for the Batch API, streamed; returns its file id.
    /// </summary>
    Task<string> UploadAsync(string path, string fileName, CancellationToken cancellationToken);

    /// <summary>Creates a batch over an uploaded file for <paramref name="endpoint"/>; returns the batch id.</summary>
    Task<string> CreateAsync(string inputFileId, string endpoint, CancellationToken cancellationToken);

    /// <summary>The batch's current state.</summary>
    Task<BatchState> GetAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Every batch of the account, for counting those in flight.</summary>
    Task<IReadOnlyList<BatchState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Opens a file's content (an output or error JSONL file).</summary>
    Task<Stream> DownloadAsync(string fileId, CancellationToken cancellationToken);
}
