using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>Reads request bodies and writes JSON responses with the source-generated contexts.</summary>
internal static class JsonWire
{
    public const string JsonType = "application/json";

    public static async Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    /// <summary>The body as <typeparamref name="T"/>, or null with the reason it could not be read.</summary>
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
            return value is null ? (null, "The request body must be a JSON object.") : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, $"The request body is not valid JSON: {exception.Message}");
        }
    }
}
