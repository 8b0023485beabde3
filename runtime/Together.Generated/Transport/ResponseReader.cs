using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>Reads a successful attempt's body in the form the endpoint promises.</summary>
internal static class ResponseReader
{
    public static async ValueTask<T> ReadJsonAsync<T>(CallScope call, AttemptResult attempt, JsonTypeInfo<T> type)
    {
        T? value;
        try
        {
            var stream = await attempt.Response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                value = await JsonSerializer.DeserializeAsync(stream, type, call.Token).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            throw ErrorFactory.InvalidBody(call, attempt.Response, e);
        }

        return value ?? throw ErrorFactory.InvalidBody(call, attempt.Response, null);
    }

    /// <summary>
    /// Reads a JSON body as <paramref name="type"/> and also returns its top-level <c>id</c>, for job-slot limiters
    /// that must learn which job a create call started. The body is read once, whole: job answers are small.
    /// </summary>
    public static async Task<(T Value, string? Id)> ReadJsonWithIdAsync<T>(
        CallScope call, AttemptResult attempt, JsonTypeInfo<T> type)
    {
        var body = await attempt.Response.Content.ReadAsByteArrayAsync(call.Token).ConfigureAwait(false);
        try
        {
            var value = JsonSerializer.Deserialize(body, type)
                ?? throw ErrorFactory.InvalidBody(call, attempt.Response, null);
            using var document = JsonDocument.Parse(body);
            var id = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var element)
                && element.ValueKind == JsonValueKind.String
                    ? element.GetString()
                    : null;
            return (value, id);
        }
        catch (JsonException e)
        {
            throw ErrorFactory.InvalidBody(call, attempt.Response, e);
        }
    }

    /// <summary>Reads a JSON body as a detached element.</summary>
    public static async Task<JsonElement> ReadElementAsync(CallScope call, AttemptResult attempt)
    {
        var body = await attempt.Response.Content.ReadAsByteArrayAsync(call.Token).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw ErrorFactory.InvalidBody(call, attempt.Response, e);
        }
    }

    public static Task<string> ReadTextAsync(CallScope call, AttemptResult attempt) =>
        attempt.Response.Content.ReadAsStringAsync(call.Token);

    public static async Task<BinaryResponse> OpenBinaryAsync(CallScope call, AttemptResult attempt)
    {
        var stream = await attempt.Response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
        return new BinaryResponse(attempt, stream);
    }
}
