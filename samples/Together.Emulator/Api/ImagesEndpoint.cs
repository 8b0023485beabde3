using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>POST /v1/images/generations</c>: <c>n</c> one-pixel PNGs, as URLs served by the emulator itself
/// (<c>GET /_emulator/images/{name}</c>) or inline as base64 when <c>response_format</c> is <c>base64</c>.
/// </summary>
internal static class ImagesEndpoint
{
    /// <summary>A valid 1x1 PNG.</summary>
    public const string PixelBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static readonly byte[] Pixel = Convert.FromBase64String(PixelBase64);

    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.ImageRequest, Shape, RespondAsync);

    private static CallShape Shape(ImageRequest request) =>
        CallShape.Require(request.Prompt, "prompt")
        ?? CallShape.Require(request.Model, "model")
        ?? (request.N is < 1 or > 16
            ? CallShape.Invalid("The 'n' field must be between 1 and 16.", "n")
            : new CallShape(request.Model, FakeText.PromptTokens(request.Prompt!)));

    private static Task RespondAsync(HttpContext context, ImageRequest request, Call call)
    {
        var id = call.State.NextId("img-emu-");
        var inline = request.ResponseFormat == "base64";
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var data = Enumerable.Range(0, request.N ?? 1)
            .Select(index => inline
                ? new ImageItem(index, "b64_json", null, PixelBase64)
                : new ImageItem(index, "url", $"{origin}/_emulator/images/{id}-{index}.png", null))
            .ToList();
        return JsonWire.WriteAsync(context, new ImageList(id, request.Model!, "list", data), ApiJson.Default.ImageList);
    }
}
