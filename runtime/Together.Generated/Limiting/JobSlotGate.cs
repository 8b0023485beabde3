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
/// <c>{path}/{id}</c> with growing pauses, until one finishes, or fails fast as configured. When the server refuses
/// a job (429) it looks again and waits the same way. A failed check is logged and retried, never taken as a
/// finished job. Creates are taken one at a time, so two callers never count the same free slot.
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
                _learned = await LearnAsync(create, fetch, cancellationToken).ConfigureAwait(false);
            }

            var started = _settings.Time.GetTimestamp();
            var pause = _options.PollInterval;
            while (true)
            {
                pause = await WaitForSlotAsync(create, fetch, started, pause, cancellationToken).ConfigureAwait(false);
                try
                {
                    var created = await send(create, cancellationToken).ConfigureAwait(false);
                    Hold(create, created.Id);
                    return created.Value;
                }
                catch (TogetherApiException e) when (e.StatusCode == 429 && e is not JobSlotsFullException)
                {
                    // The server counts jobs this client has not seen (another process, or a create whose answer
                    // was lost): look again, and wait like for any full set of slots.
                    if (!_options.WaitForSlot || _settings.Time.GetElapsedTime(started) >= _options.MaxWait)
                    {
                        throw Full(create, $"the server refused the job: {e.ErrorMessage ?? e.Message}", e);
                    }

                    await LearnAsync(create, fetch, cancellationToken).ConfigureAwait(false);
                    await PauseAsync(create, pause, cancellationToken).ConfigureAwait(false);
                    pause = Pauses.Double(pause, _options.MaxPollInterval);
                }
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private void Hold(ApiRequest create, string? id)
    {
        if (id is null)
        {
            Log.JobSlotUntracked(_settings.Logger, create.Endpoint.Name, _limiterName);
            return;
        }

        lock (_running)
        {
            _running.Add(id);
        }
    }

    /// <summary>
    /// Lists the jobs at the create call's path and adds the unfinished ones; false when that failed.
    /// </summary>
    private async Task<bool> LearnAsync(ApiRequest create, Fetch fetch, CancellationToken cancellationToken)
    {
        JsonElement? list;
        try
        {
            list = await fetch(Get(create, create.Path), cancellationToken).ConfigureAwait(false);
        }
        catch (TogetherApiException e) when (e is not (AuthenticationException or PaymentRequiredException))
        {
            Log.JobSlotCheckFailed(_settings.Logger, create.Endpoint.Name, _limiterName, Describe(e));
            return false;
        }

        var jobs = list is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("data", out var data)
            ? data
            : list;
        if (jobs is { ValueKind: JsonValueKind.Array } array)
        {
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

        return true;
    }

    private async Task<TimeSpan> WaitForSlotAsync(
        ApiRequest create, Fetch fetch, long started, TimeSpan pause, CancellationToken cancellationToken)
    {
        while (Running.Count >= _slots)
        {
            await RefreshAsync(create, fetch, cancellationToken).ConfigureAwait(false);
            if (Running.Count < _slots)
            {
                break;
            }

            if (!_options.WaitForSlot)
            {
                throw Full(create, "every slot is taken and WaitForSlot is off", null);
            }

            if (_settings.Time.GetElapsedTime(started) >= _options.MaxWait)
            {
                throw Full(create, $"no slot came free within JobSlotOptions.MaxWait ({_options.MaxWait})", null);
            }

            await PauseAsync(create, pause, cancellationToken).ConfigureAwait(false);
            pause = Pauses.Double(pause, _options.MaxPollInterval);
        }

        return pause;
    }

    private Task PauseAsync(ApiRequest create, TimeSpan pause, CancellationToken cancellationToken)
    {
        Log.JobSlotWait(_settings.Logger, create.Endpoint.Name, _limiterName, Running.Count, _slots,
            (long)pause.TotalMilliseconds);
        return Task.Delay(pause, _settings.Time, cancellationToken);
    }

    // A status check that fails says nothing about the job: it keeps its slot until a later check says otherwise.
    private async Task RefreshAsync(ApiRequest create, Fetch fetch, CancellationToken cancellationToken)
    {
        foreach (var id in Running)
        {
            JsonElement? job;
            try
            {
                job = await fetch(Get(create, create.Path + "/" + Uri.EscapeDataString(id)), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TogetherApiException e) when (e is not (AuthenticationException or PaymentRequiredException))
            {
                Log.JobSlotCheckFailed(_settings.Logger, create.Endpoint.Name, _limiterName, Describe(e));
                continue;
            }

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

    // The error's kind and status only: its message carries the server's text, which may quote input.
    private static string Describe(TogetherApiException error) =>
        error.StatusCode is { } status ? $"{error.GetType().Name} (HTTP {status})" : error.GetType().Name;
}
