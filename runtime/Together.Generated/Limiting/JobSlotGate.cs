using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// One <c>job_slots</c> limiter: counts jobs running on the server, not HTTP calls. On first use it learns which
/// jobs already run (listing them at the create call's path); a create waits, polling the running jobs' status at
/// <c>{path}/{id}</c> with growing pauses, until one finishes, or fails fast as configured. Creates are taken one at
/// a time, so two callers never count the same free slot.
/// </summary>
internal sealed class JobSlotGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly string _limiterName;
    private readonly int _slots;
    private readonly JobSlotOptions _options;
    private readonly ClientSettings _settings;
    private bool _learned;

    public JobSlotGate(string limiterName, int slots, JobSlotOptions options, ClientSettings settings)
    {
        _limiterName = limiterName;
        _slots = Math.Max(1, slots);
        _options = options;
        _settings = settings;
    }

    /// <summary>Sends a GET for a job list or one job; returns the JSON, or null when the server answers 404.</summary>
    public delegate Task<JsonElement?> Fetch(ApiRequest request, CancellationToken cancellationToken);

    /// <summary>The ids of the jobs holding slots, as last known.</summary>
    public IReadOnlyList<string> Running
    {
        get
        {
            lock (_running)
            {
                return _running.ToArray();
            }
        }
    }

    public async Task<T> StartAsync<T>(
        ApiRequest create,
        Func<ApiRequest, CancellationToken, Task<(T Value, string? Id)>> send,
        Fetch fetch,
        CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_learned)
            {
                await LearnAsync(create, fetch, cancellationToken).ConfigureAwait(false);
                _learned = true;
            }

            await WaitForSlotAsync(create, fetch, cancellationToken).ConfigureAwait(false);
            (T Value, string? Id) created;
            try
            {
                created = await send(create, cancellationToken).ConfigureAwait(false);
            }
            catch (TogetherApiException e) when (e.StatusCode == 429 && e is not JobSlotsFullException)
            {
                throw Full(create, $"the server refused the job: {e.ErrorMessage ?? e.Message}", e);
            }

            if (created.Id is not null)
            {
                lock (_running)
                {
                    _running.Add(created.Id);
                }
            }

            return created.Value;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private async Task LearnAsync(ApiRequest create, Fetch fetch, CancellationToken cancellationToken)
    {
        var list = await fetch(Get(create, create.Path), cancellationToken).ConfigureAwait(false);
        var jobs = list is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("data", out var data)
            ? data
            : list;
        if (jobs is not { ValueKind: JsonValueKind.Array } array)
        {
            return;
        }

        foreach (var job in array.EnumerateArray())
        {
            if (IdOf(job) is { } id && !IsFinished(job))
            {
                lock (_running)
                {
                    _running.Add(id);
                }
            }
        }
    }

    private async Task WaitForSlotAsync(ApiRequest create, Fetch fetch, CancellationToken cancellationToken)
    {
        var pause = _options.PollInterval;
        while (Running.Count >= _slots)
        {
            await RefreshAsync(create, fetch, cancellationToken).ConfigureAwait(false);
            if (Running.Count < _slots)
            {
                return;
            }

            if (!_options.WaitForSlot)
            {
                throw Full(create, "every slot is taken and WaitForSlot is off", null);
            }

            Log.JobSlotWait(_settings.Logger, create.Endpoint.Name, _limiterName, Running.Count, _slots,
                (long)pause.TotalMilliseconds);
            await Task.Delay(pause, _settings.Time, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private async Task RefreshAsync(ApiRequest create, Fetch fetch, CancellationToken cancellationToken)
    {
        foreach (var id in Running)
        {
            var job = await fetch(Get(create, create.Path + "/" + Uri.EscapeDataString(id)), cancellationToken)
                .ConfigureAwait(false);
            if (job is null || IsFinished(job.Value))
            {
                lock (_running)
                {
                    _running.Remove(id);
                }
            }
        }
    }

    private bool IsFinished(JsonElement job) =>
        job.ValueKind == JsonValueKind.Object && job.TryGetProperty("status", out var status)
        && status.ValueKind == JsonValueKind.String && _options.FinishedStatuses.Contains(status.GetString()!);

    private static string? IdOf(JsonElement job) =>
        job.ValueKind == JsonValueKind.Object && job.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    // Status checks are management calls: no limiter, the default retry policy.
    private static ApiRequest Get(ApiRequest create, string path) =>
        new(new EndpointDescriptor(create.Endpoint.Name + "JobStatus", "GET", path, Array.Empty<string>(), "default",
            idempotent: true, serverPath: create.Endpoint.ServerPath), path);

    private JobSlotsFullException Full(ApiRequest create, string reason, TogetherApiException? server)
    {
        var running = Running;
        return new JobSlotsFullException(
            $"{create.Endpoint.Name}: no free slot in job-slot limiter '{_limiterName}' ({running.Count} of {_slots} "
                + $"known to be running: {string.Join(", ", running)}); {reason}.",
            server)
        {
            Endpoint = create.Endpoint.Name,
            LimiterName = _limiterName,
            RunningJobs = running,
            ServerRefused = server is not null,
            StatusCode = server?.StatusCode,
            ErrorMessage = server?.ErrorMessage,
            ErrorType = server?.ErrorType,
            ErrorCode = server?.ErrorCode,
            RequestId = server?.RequestId,
            Attempts = server?.Attempts ?? 0,
        };
    }
}
