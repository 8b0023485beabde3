using System;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Emulator;

/// <summary>What the request pipeline asks of the state, one call per step of a request.</summary>
public sealed partial class EmulatorState
{
    internal static string ShortKey(string key) => key.Length <= 12 ? key : $"{key[..4]}...{key[^4..]}";

    internal Admission Admit(string key, string scope, long tokens)
    {
        lock (sync)
        {
            var admission = rates.Admit(current, key, scope, tokens, Time.GetTimestamp(), Time.TimestampFrequency);
            stats.Accepted += admission.IsAccepted ? 1 : 0;
            stats.TokenLimited += admission.Outcome == AdmissionOutcome.TokenLimited ? 1 : 0;
            return admission;
        }
    }

    internal void Release()
    {
        lock (sync)
        {
            rates.Release();
        }
    }

    internal void Record(string endpoint, string? model)
    {
        lock (sync)
        {
            stats.Request(endpoint);
            if (model is { Length: > 0 })
            {
                stats.Model(model);
            }
        }
    }

    /// <summary>Records a response's status, or a cut connection when it is null.</summary>
    internal void RecordResponse(int? status)
    {
        lock (sync)
        {
            stats.Response(status);
        }
    }

    internal FaultRule? PickFault(string endpoint, string path, string? model, bool stream)
    {
        lock (sync)
        {
            var fault = faults.Pick(endpoint, path, model, stream);
            stats.Faults += fault is null ? 0 : 1;
            return fault;
        }
    }

    /// <summary>
    /// Waits on <see cref="Time"/>, counted in <see cref="ClockWaiters"/> from the moment the timer exists until its
    /// callback runs. A fake clock runs that callback inside <c>Advance</c>, so the count is exact between advances.
    /// </summary>
    internal async Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        void Finish(bool cancelled)
        {
            if (Interlocked.Exchange(ref finished, 1) != 0)
            {
                return;
            }

            Interlocked.Decrement(ref clockWaiters);
            _ = cancelled ? done.TrySetCanceled(cancellationToken) : done.TrySetResult();
        }

        using var timer = Time.CreateTimer(_ => Finish(false), null, duration, Timeout.InfiniteTimeSpan);

        // Counted only once the timer exists, so a test that sees the count and then advances the clock fires it.
        Interlocked.Increment(ref clockWaiters);
        await using var registration = cancellationToken.Register(() => Finish(true));
        await done.Task.ConfigureAwait(false);
    }

    internal string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref sequence):x8}";
}
