using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// The file endpoints: <c>POST /v1/files/upload</c> (multipart: purpose, file_name, file_type, file; also served at
/// <c>POST /v1/files</c>), <c>GET /v1/files</c>, <c>GET /v1/files/{id}</c>, <c>GET /v1/files/{id}/content</c> and
/// <c>DELETE /v1/files/{id}</c>. Unknown ids get 404 <c>not_found</c>.
/// </summary>
internal static class FilesEndpoints
{
    public static Task UploadAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().RunAsync<Upload>(
            context, ReadUploadAsync, async (c, upload, call) =>
            {
                await using var source = upload.File.OpenReadStream();
                var file = await call.State.Files.AddAsync(
                    upload.Name, upload.Purpose, upload.Type, source, upload.File.Length, c.RequestAborted);
                await JsonWire.WriteAsync(c, file.View(), ApiJson.Default.FileView);
            });

    public static Task ListAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
        {
            var list = new FileList(call.State.Files.All().Select(file => file.View()).ToList());
            return JsonWire.WriteAsync(c, list, ApiJson.Default.FileList);
        });

    public static Task GetAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
            call.State.Files.Find(Id(c)) is { } file
                ? JsonWire.WriteAsync(c, file.View(), ApiJson.Default.FileView)
                : NotFoundAsync(c));

    public static Task ContentAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, async (c, call) =>
        {
            if (call.State.Files.Find(Id(c)) is not { } file)
            {
                await NotFoundAsync(c);
                return;
            }

            c.Response.ContentType = "text/plain; charset=utf-8";
            c.Response.ContentLength = file.Length;
            await using var content = file.Open();
            await content.CopyToAsync(c.Response.Body, c.RequestAborted);
        });

    public static Task DeleteAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, call) =>
            call.State.Files.Remove(Id(c))
                ? JsonWire.WriteAsync(c, new FileDeleted(Id(c)!, true), ApiJson.Default.FileDeleted)
                : NotFoundAsync(c));

    internal static string? Id(HttpContext context) => context.Request.RouteValues["id"] as string;

    private static Task NotFoundAsync(HttpContext context) =>
        ErrorWriter.WriteAsync(
            context, 404, ErrorBodyShape.Nested, $"No file with id '{Id(context)}'.", ErrorWriter.InvalidRequest,
            "not_found");

    private static async Task<(Upload? Value, CallShape Shape)> ReadUploadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, CallShape.Invalid("The request must be multipart/form-data.", "file"));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException exception)
        {
            return (null, CallShape.Invalid($"The multipart body could not be read: {exception.Message}", "file"));
        }

        var purpose = form["purpose"].ToString();
        var type = form["file_type"].ToString() is { Length: > 0 } given ? given : "jsonl";
        var file = form.Files["file"] ?? form.Files.FirstOrDefault();
        var name = form["file_name"].ToString() is { Length: > 0 } named ? named : file?.FileName;
        var problem = !FileStore.Purposes.Contains(purpose)
            ? CallShape.Invalid(
                $"The 'purpose' field must be one of: {string.Join(", ", FileStore.Purposes)}.", "purpose")
            : !FileStore.Types.Contains(type)
                ? CallShape.Invalid("The 'file_type' field must be csv, jsonl or parquet.", "file_type")
                : file is null
                    ? CallShape.Invalid("The 'file' part is required.", "file")
                    : CallShape.Require(name, "file_name");
        if (problem is not null)
        {
            return (null, problem);
        }

        return (new Upload(name!, purpose, type, file!), new CallShape(null));
    }

    // The form reader has already spooled a large part to disk; it is copied from there when stored.
    private sealed record Upload(string Name, string Purpose, string Type, IFormFile File);
}
