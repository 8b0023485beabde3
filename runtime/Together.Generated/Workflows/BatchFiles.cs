using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// The Batch API's files: the JSONL input (<c>{"custom_id": ..., "body": {...}}</c> per line) and the output and
/// error files (<c>{"custom_id": ..., "response": {"status_code": ..., "body": {...}}}</c> or
/// <c>{"custom_id": ..., "error": ...}</c>). Everything streams line by line; no file is held whole.
/// </summary>
public static class BatchFiles
{
    /// <summary>
    /// Writes <paramref name="items"/> to <paramref name="path"/> as JSONL, checking the limits as it goes: it stops
    /// with <see cref="BatchLimitException"/> as soon as the file would exceed either, leaving no file behind.
    /// Returns the requests written and the file's size.
    /// </summary>
    public static async Task<(int Requests, long Bytes)> WriteAsync<TRequest>(
        string path,
        IEnumerable<BatchItem<TRequest>> items,
        JsonTypeInfo<TRequest> bodyType,
        BatchLimits limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(limits);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920,
                useAsync: true);
            using var line = new MemoryStream();
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item?.CustomId is null)
                {
                    throw new ArgumentException($"Request {requests + 1} has no custom id.", nameof(items));
                }

                if (!ids.Add(item.CustomId))
                {
                    throw new ArgumentException($"The custom id '{item.CustomId}' appears twice.", nameof(items));
                }

                requests++;
                Check("max_requests_per_batch", requests, limits.MaxRequestsPerBatch, "requests");
                line.SetLength(0);
                using (var writer = new Utf8JsonWriter(line))
                {
                    writer.WriteStartObject();
                    writer.WriteString("custom_id", item.CustomId);
                    writer.WritePropertyName("body");
                    JsonSerializer.Serialize(writer, item.Body, bodyType);
                    writer.WriteEndObject();
                }

                line.WriteByte((byte)'\n');
                Check("max_file_size", file.Length + line.Length, limits.MaxFileBytes, "bytes");
                await file.WriteAsync(line.GetBuffer().AsMemory(0, (int)line.Length), cancellationToken)
                    .ConfigureAwait(false);
            }

            if (requests == 0)
            {
                throw new ArgumentException("A batch needs at least one request.", nameof(items));
            }

            return (requests, file.Length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Checks an existing JSONL file against the limits before it is uploaded: its size first (from the file
    /// system), then its request lines (counted in one streamed pass). Returns the request count.
    /// </summary>
    /// <exception cref="BatchLimitException">The file is larger, or holds more requests, than allowed.</exception>
    public static async Task<int> CheckAsync(string path, BatchLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Check("max_file_size", new FileInfo(path).Length, limits.MaxFileBytes, "bytes");
        var requests = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, false, new FileStreamOptions
        {
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 81920,
        });
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Check("max_requests_per_batch", ++requests, limits.MaxRequestsPerBatch, "requests");
            }
        }

        if (requests == 0)
        {
            throw new ArgumentException($"The batch file {path} holds no request.", nameof(path));
        }

        return requests;
    }

    /// <summary>
    /// Reads an output or error file's lines into results, keyed by custom id. A line that is not a result (not
    /// JSON, or without a custom id) is added to <paramref name="unreadable"/> with its number, and reading goes
    /// on: one bad line must not cost the others. A success is never replaced by an error for the same id.
    /// </summary>
    public static async Task ReadResultsAsync<TResponse>(
        Stream content,
        JsonTypeInfo<TResponse> responseType,
        IDictionary<string, BatchItemResult<TResponse>> results,
        ICollection<string> unreadable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(unreadable);
        using var reader = new StreamReader(content, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var result = ParseLine(line, number, responseType);
                if (!results.TryGetValue(result.CustomId, out var earlier) || !earlier.Succeeded)
                {
                    results[result.CustomId] = result;
                }
            }
            catch (InvalidDataException e)
            {
                unreadable.Add(e.Message + " " + (line.Length <= 200 ? line : line[..200] + "..."));
            }
        }
    }

    private static BatchItemResult<TResponse> ParseLine<TResponse>(
        string line, int number, JsonTypeInfo<TResponse> responseType)
    {
        using var document = ParseOrThrow(line, number);
        var root = document.RootElement;
        var id = root.TryGetProperty("custom_id", out var customId) && customId.ValueKind == JsonValueKind.String
            ? customId.GetString()!
            : throw new InvalidDataException($"Line {number} of a batch result file has no custom_id.");
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m)
                ? m.ToString()
                : error.ToString();
            return new BatchItemResult<TResponse>(id, StatusOf(root), default, message);
        }

        var status = StatusOf(root);
        if (!root.TryGetProperty("response", out var response)
            || !response.TryGetProperty("body", out var body)
            || status is < 200 or >= 300)
        {
            return new BatchItemResult<TResponse>(id, status, default,
                $"HTTP {status}: {(response.ValueKind == JsonValueKind.Object ? response.ToString() : "no response")}");
        }

        try
        {
            return new BatchItemResult<TResponse>(id, status, body.Deserialize(responseType), null);
        }
        catch (JsonException e)
        {
            return new BatchItemResult<TResponse>(id, status, default, $"The response body did not parse: {e.Message}");
        }
    }

    private static int StatusOf(JsonElement root) =>
        root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
        && response.TryGetProperty("status_code", out var code) && code.TryGetInt32(out var status)
            ? status
            : 0;

    private static JsonDocument ParseOrThrow(string line, int number)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Line {number} of a batch result file is not JSON: {e.Message}", e);
        }
    }

    private static void Check(string limit, long actual, long allowed, string unit)
    {
        if (actual > allowed)
        {
            throw new BatchLimitException(
                $"The batch breaks the limits file's {limit}: more than {allowed} {unit} (found at least {actual}). "
                    + "Nothing was uploaded; split the batch or raise the limit in the limits file.")
            {
                Limit = limit,
                Actual = actual,
                Allowed = allowed,
            };
        }
    }
}
