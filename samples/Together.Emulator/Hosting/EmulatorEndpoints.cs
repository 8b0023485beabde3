using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>The API routes, with the paths spec/openapi.yaml gives them under the <c>/v1</c> base URL.</summary>
internal static class EmulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Full paths rather than a route group, so that each endpoint's pattern is the spec's path as written.
        endpoints.MapPost("/v1/chat/completions", ChatEndpoint.HandleAsync);
        endpoints.MapPost("/v1/completions", CompletionEndpoint.HandleAsync);
        endpoints.MapPost("/v1/embeddings", EmbeddingsEndpoint.HandleAsync);
        endpoints.MapPost("/v1/images/generations", ImagesEndpoint.HandleAsync);
        endpoints.MapPost("/v1/audio/speech", SpeechEndpoint.HandleAsync);
        endpoints.MapGet("/v1/models", ModelsEndpoint.HandleAsync);
        endpoints.MapGet("/v1/files", FilesEndpoints.ListAsync);
        endpoints.MapPost("/v1/files/upload", FilesEndpoints.UploadAsync);
        endpoints.MapPost("/v1/files", FilesEndpoints.UploadAsync);
        endpoints.MapGet("/v1/files/{id}", FilesEndpoints.GetAsync);
        endpoints.MapDelete("/v1/files/{id}", FilesEndpoints.DeleteAsync);
        endpoints.MapGet("/v1/files/{id}/content", FilesEndpoints.ContentAsync);
        endpoints.MapPost("/v1/fine-tunes", FineTunesEndpoints.CreateAsync);
        endpoints.MapGet("/v1/fine-tunes", FineTunesEndpoints.ListAsync);
        endpoints.MapGet("/v1/fine-tunes/{id}", FineTunesEndpoints.GetAsync);
        endpoints.MapPost("/v1/fine-tunes/{id}/cancel", FineTunesEndpoints.CancelAsync);
        endpoints.MapGet("/v1/fine-tunes/{id}/events", FineTunesEndpoints.EventsAsync);
        endpoints.MapPost("/v1/batches", BatchesEndpoints.CreateAsync);
        endpoints.MapGet("/v1/batches", BatchesEndpoints.ListAsync);
        endpoints.MapGet("/v1/batches/{id}", BatchesEndpoints.GetAsync);
        endpoints.MapPost("/v1/batches/{id}/cancel", BatchesEndpoints.CancelAsync);
        endpoints.MapPost("/v1/rerank", RerankEndpoint.HandleAsync);

        // Any other path under /v1 is Together's 404, after the key check, and counted like the rest.
        endpoints.Map("/v1/{**rest}", context =>
            context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, _) =>
                ErrorWriter.WriteAsync(
                    c, StatusCodes.Status404NotFound, ErrorBodyShape.Nested,
                    $"Unknown endpoint {c.Request.Method} {c.Request.Path}.", ErrorWriter.InvalidRequest,
                    "not_found")));
        AdminEndpoints.Map(endpoints);
    }
}
