using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// The batch endpoints, whose errors are <c>{"error":"text"}</c> as the spec says: <c>POST /v1/batches</c> (201,
/// the input file must exist), <c>GET /v1/batches</c> (a bare array), <c>GET /v1/batches/{id}</c> and
/// <c>POST /v1/batches/{id}/cancel</c> (400 once completed).
/// </summary>
internal static class BatchesEndpoints
{
    public static Task CreateAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.BatchCreate,
            request => CallShape.Require(request.Endpoint, "endpoint")
                ?? CallShape.Require(request.InputFileId, "input_file_id")
                ?? new CallShape(null),
            (c, request, call) =>
            {
                if (call.State.Files.Find(request.InputFileId) is not { } input)
                {
                    return Error(c, 400, $"Input file '{request.InputFileId}' does not exist.");
                }

                var job = call.State.Jobs.AddBatch(request, input.Length);
                var created = new BatchCreated(BatchViews.View(job, call.State), null);
                return JsonWire.WriteAsync(c, created, ApiJson.Default.BatchCreated, status: 201);
            });

    public static Task ListAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            var jobs = call.State.Jobs.Batches().Select(job => BatchViews.View(job, call.State)).ToList();
            return JsonWire.WriteAsync(c, jobs, ApiJson.Default.ListBatchJobView);
        });

    public static Task GetAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
            call.State.Jobs.Batch(FilesEndpoints.Id(c)) is { } job
                ? JsonWire.WriteAsync(c, BatchViews.View(job, call.State), ApiJson.Default.BatchJobView)
                : Error(c, 404, $"Batch job '{FilesEndpoints.Id(c)}' not found."));

    public static Task CancelAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            if (call.State.Jobs.Batch(FilesEndpoints.Id(c)) is not { } job)
            {
                return Error(c, 404, $"Batch job '{FilesEndpoints.Id(c)}' not found.");
            }

            var now = call.State.Time.GetUtcNow();
            lock (job)
            {
                var status = BatchViews.Status(job, now, call.Options.JobDuration);
                if (status is "COMPLETED" or "CANCELLED")
                {
                    return Error(c, 400, $"Batch job '{job.Id}' is {status} and cannot be cancelled.");
                }

                job.CancelledAt = now;
            }

            return JsonWire.WriteAsync(c, BatchViews.View(job, call.State), ApiJson.Default.BatchJobView);
        });

    private static Task Error(HttpContext context, int status, string message) =>
        ErrorWriter.WriteAsync(context, status, ErrorBodyShape.ErrorString, message);
}
