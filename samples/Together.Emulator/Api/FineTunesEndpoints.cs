using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// The fine-tuning endpoints: <c>POST /v1/fine-tunes</c>, <c>GET /v1/fine-tunes</c>, <c>GET /v1/fine-tunes/{id}</c>,
/// <c>POST /v1/fine-tunes/{id}/cancel</c> and <c>GET /v1/fine-tunes/{id}/events</c>. The training file is not
/// checked against the uploaded files. Cancelling a finished job gets 400. With
/// <see cref="EmulatorOptions.MaxRunningFineTunes"/> set, a job past the cap is refused with 429.
/// </summary>
internal static class FineTunesEndpoints
{
    public static Task CreateAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.FineTuneCreate,
            request => CallShape.Require(request.TrainingFile, "training_file")
                ?? CallShape.Require(request.Model, "model")
                ?? new CallShape(null),
            (c, request, call) =>
            {
                var cap = call.Options.MaxRunningFineTunes;
                var job = call.State.Jobs.TryAddFineTune(request, cap, call.Options.JobDuration);
                if (job is null)
                {
                    c.Response.Headers["x-should-retry"] = "false";
                    return ErrorWriter.WriteAsync(
                        c, 429, ErrorBodyShape.Nested,
                        $"You have {cap} fine-tuning jobs running or queued, the most allowed at once. Wait for one "
                        + "to finish or cancel one.",
                        ErrorWriter.InvalidRequest, "job_limit_exceeded");
                }

                return JsonWire.WriteAsync(c, View(job, call, full: false), ApiJson.Default.FineTuneView);
            });

    public static Task ListAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            var jobs = call.State.Jobs.FineTunes().Select(job => View(job, call, full: false)).ToList();
            return JsonWire.WriteAsync(c, new FineTuneList(jobs), ApiJson.Default.FineTuneList);
        });

    public static Task GetAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
            call.State.Jobs.FineTune(FilesEndpoints.Id(c)) is { } job
                ? JsonWire.WriteAsync(c, View(job, call, full: true), ApiJson.Default.FineTuneView)
                : NotFoundAsync(c));

    public static Task EventsAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            if (call.State.Jobs.FineTune(FilesEndpoints.Id(c)) is not { } job)
            {
                return NotFoundAsync(c);
            }

            var events = FineTuneViews.Events(job, call.State.Time.GetUtcNow(), call.Options.JobDuration);
            return JsonWire.WriteAsync(c, new FineTuneEvents(events), ApiJson.Default.FineTuneEvents);
        });

    public static Task CancelAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            if (call.State.Jobs.FineTune(FilesEndpoints.Id(c)) is not { } job)
            {
                return NotFoundAsync(c);
            }

            var now = call.State.Time.GetUtcNow();
            lock (job)
            {
                var status = FineTuneViews.Status(job, now, call.Options.JobDuration);
                if (status is "completed" or "cancelled")
                {
                    return ErrorWriter.WriteAsync(
                        c, 400, ErrorBodyShape.Nested, $"Job {job.Id} is {status} and cannot be cancelled.",
                        ErrorWriter.InvalidRequest);
                }

                job.CancelledAt = now;
            }

            return JsonWire.WriteAsync(c, View(job, call, full: false), ApiJson.Default.FineTuneView);
        });

    private static FineTuneView View(FineTuneJob job, Call call, bool full) =>
        FineTuneViews.View(job, call.State.Time.GetUtcNow(), call.Options.JobDuration, full);

    private static Task NotFoundAsync(HttpContext context) =>
        ErrorWriter.WriteAsync(
            context, 404, ErrorBodyShape.Nested, $"No fine-tuning job with id '{FilesEndpoints.Id(context)}'.",
            ErrorWriter.InvalidRequest, "not_found");
}
