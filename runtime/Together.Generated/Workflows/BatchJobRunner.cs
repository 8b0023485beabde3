using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Runs a Batch API job from typed requests to typed results: writes the JSONL input file, checks it against the
/// limits file's batch limits before anything is uploaded, uploads it streamed from disk, creates the batch, polls
/// its status with growing pauses on the client's clock, then reads the output and error files into results keyed
/// by custom id.
/// </summary>
public static class BatchJobRunner
{
    /// <summary>
    /// Writes <paramref name="items"/> to a JSONL file and runs it as one batch; see the class summary.
    /// </summary>
    /// <exception cref="BatchLimitException">The batch breaks a limit; nothing was uploaded.</exception>
    public static async Task<BatchOutcome<TResponse>> RunAsync<TRequest, TResponse>(
        IBatchApi api,
        IEnumerable<BatchItem<TRequest>> items,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        string endpoint,
        BatchLimits limits,
        TimeProvider time,
        BatchOptions? options = null,
        IProgress<BatchState>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        options ??= new BatchOptions();
        options.Validate();
        var folder = options.WorkingDirectory ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"together-batch-{Guid.NewGuid():N}.jsonl");
        var ids = new List<string>();
        try
        {
            await BatchFiles.WriteAsync(path, Track(items, ids), requestType, limits, cancellationToken)
                .ConfigureAwait(false);
            return await RunFileAsync(api, path, ids, responseType, endpoint, limits, time, options, progress,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Runs an existing JSONL file as one batch: checks its size and request count against the limits first, and
    /// the batches already in flight, then uploads it streamed; see the class summary.
    /// </summary>
    /// <exception cref="BatchLimitException">The batch breaks a limit; nothing was uploaded.</exception>
    public static async Task<BatchOutcome<TResponse>> RunFileAsync<TResponse>(
        IBatchApi api,
        string path,
        JsonTypeInfo<TResponse> responseType,
        string endpoint,
        BatchLimits limits,
        TimeProvider time,
        BatchOptions? options = null,
        IProgress<BatchState>? progress = null,
        CancellationToken cancellationToken = default) =>
        await RunFileAsync(api, path, null, responseType, endpoint, limits, time, options ?? new BatchOptions(),
            progress, cancellationToken).ConfigureAwait(false);

    private static async Task<BatchOutcome<TResponse>> RunFileAsync<TResponse>(
        IBatchApi api,
        string path,
        IReadOnlyList<string>? sentIds,
        JsonTypeInfo<TResponse> responseType,
        string endpoint,
        BatchLimits limits,
        TimeProvider time,
        BatchOptions options,
        IProgress<BatchState>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        await BatchFiles.CheckAsync(path, limits, cancellationToken).ConfigureAwait(false);
        var inFlight = (await api.ListAsync(cancellationToken).ConfigureAwait(false)).Count(b => !b.IsFinished);
        if (inFlight >= limits.MaxBatchesInFlight)
        {
            throw new BatchLimitException(
                $"{inFlight} batches are in flight, the most the limits file's max_batches_in_flight allows "
                    + $"({limits.MaxBatchesInFlight}). Nothing was uploaded; wait for one to finish.")
            {
                Limit = "max_batches_in_flight",
                Actual = inFlight + 1,
                Allowed = limits.MaxBatchesInFlight,
            };
        }

        var fileId = await api.UploadAsync(path, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
        var batchId = await api.CreateAsync(fileId, endpoint, cancellationToken).ConfigureAwait(false);

        // From here on the batch runs on the server whatever happens to this call: every failure names it.
        try
        {
            var state = await WaitAsync(api, batchId, time, options, progress, cancellationToken)
                .ConfigureAwait(false);
            var results = new Dictionary<string, BatchItemResult<TResponse>>(StringComparer.Ordinal);
            var unreadable = new List<string>();
            foreach (var file in new[] { state.OutputFileId, state.ErrorFileId })
            {
                if (file is not null)
                {
                    await using var content = await api.DownloadAsync(file, cancellationToken).ConfigureAwait(false);
                    await BatchFiles.ReadResultsAsync(content, responseType, results, unreadable, cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            var missing = sentIds?.Where(id => !results.ContainsKey(id)).ToArray() ?? Array.Empty<string>();
            return new BatchOutcome<TResponse>(state, results, missing, unreadable);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(
                $"Stopped following batch {batchId}; it keeps running on the server.", e, cancellationToken);
        }
        catch (Exception e) when (e is TogetherApiException or IOException or InvalidOperationException)
        {
            throw new BatchRunException(
                $"Batch {batchId} was created, but its run could not be followed to the end: {e.Message} It keeps "
                    + "running on the server; look it up by its id.",
                e)
            {
                BatchId = batchId,
                Endpoint = (e as TogetherApiException)?.Endpoint,
                StatusCode = (e as TogetherApiException)?.StatusCode,
                RequestId = (e as TogetherApiException)?.RequestId,
            };
        }
    }

    private static async Task<BatchState> WaitAsync(
        IBatchApi api, string batchId, TimeProvider time, BatchOptions options, IProgress<BatchState>? progress,
        CancellationToken cancellationToken)
    {
        var pause = options.PollInterval;
        var failed = 0;
        while (true)
        {
            try
            {
                var state = await api.GetAsync(batchId, cancellationToken).ConfigureAwait(false);
                failed = 0;
                progress?.Report(state);
                if (state.IsFinished)
                {
                    return state;
                }
            }
            catch (TogetherApiException e) when (IsTransient(e) && ++failed < options.MaxFailedChecks)
            {
                // A status check that failed says nothing about the batch: check again after the next pause.
            }

            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            pause = Pauses.Double(pause, options.MaxPollInterval);
        }
    }

    private static bool IsTransient(TogetherApiException e) =>
        e is ServerException or TogetherTimeoutException or TogetherConnectionException or RateLimitedException;

    private static IEnumerable<BatchItem<TRequest>> Track<TRequest>(
        IEnumerable<BatchItem<TRequest>> items, List<string> ids)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            if (item?.CustomId is { } id)
            {
                ids.Add(id);
            }

            yield return item!;
        }
    }
}
