using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Together.Emulator;

/// <summary>
/// Renders a fine-tuning job as the spec's FinetuneResponse(Truncated): <c>pending</c> for the first tenth of
/// <see cref="EmulatorOptions.JobDuration"/>, <c>running</c> until it has passed, then <c>completed</c>; or
/// <c>cancelled</c> once cancelled. Events record each of those steps.
/// </summary>
internal static class FineTuneViews
{
    public static string Status(FineTuneJob job, DateTimeOffset now, TimeSpan duration)
    {
        if (job.CancelledAt is not null)
        {
            return "cancelled";
        }

        var age = now - job.CreatedAt;
        return age >= duration ? "completed" : age >= duration / 10 ? "running" : "pending";
    }

    public static FineTuneView View(FineTuneJob job, DateTimeOffset now, TimeSpan duration, bool full)
    {
        var request = job.Request;
        var status = Status(job, now, duration);
        var start = job.CreatedAt + (duration / 10);
        var end = job.CreatedAt + duration;
        var startedAt = status == "pending" || (job.CancelledAt is { } c && c < start) ? (DateTimeOffset?)null : start;
        var updatedAt = job.CancelledAt ?? (status == "completed" ? end : startedAt ?? job.CreatedAt);
        var epochs = request.NEpochs ?? 1;
        var done = status switch
        {
            "completed" => epochs,
            "running" => (int)(epochs * ((now - start) / (duration - (duration / 10)))),
            _ => 0,
        };
        var batchSize = request.BatchSize is { ValueKind: JsonValueKind.Number } size ? size.GetInt32() : 32;
        var name = request.Model!.Contains('/', StringComparison.Ordinal)
            ? request.Model.Split('/')[^1]
            : request.Model;
        return new FineTuneView(
            job.Id, status, job.CreatedAt, updatedAt, startedAt, request.Model,
            $"emulator/{name}-{request.Suffix ?? "ft"}-{job.Id}",
            request.TrainingFile!, request.ValidationFile, epochs, request.NCheckpoints ?? 1, request.NEvals ?? 0,
            batchSize, request.LearningRate ?? 0.00001, request.Suffix, full ? done : null,
            full ? Events(job, now, duration) : null);
    }

    public static IReadOnlyList<FineTuneEventView> Events(FineTuneJob job, DateTimeOffset now, TimeSpan duration)
    {
        var events = new List<FineTuneEventView> { Event(job.CreatedAt, "job_pending", "Fine-tuning job queued.") };
        var cancelled = job.CancelledAt ?? DateTimeOffset.MaxValue;
        var start = job.CreatedAt + (duration / 10);
        var end = job.CreatedAt + duration;
        if (start <= now && start <= cancelled)
        {
            events.Add(Event(start, "job_start", "Training started."));
        }

        if (end <= now && end <= cancelled)
        {
            events.Add(Event(end, "job_complete", "Training finished; the model is ready."));
        }

        if (job.CancelledAt is { } at)
        {
            events.Add(Event(at, "cancel_requested", "Cancellation requested."));
        }

        return events;
    }

    private static FineTuneEventView Event(DateTimeOffset at, string type, string message) =>
        new("fine-tune-event", at.ToString("O", CultureInfo.InvariantCulture), "info", message, type);
}
