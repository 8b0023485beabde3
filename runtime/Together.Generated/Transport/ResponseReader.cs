using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>Reads a successful attempt's body in the form the endpoint promises.</summary>
internal static class ResponseReader
{
    public static async Task<T> ReadJsonAsync<T>(CallScope call, AttemptResult attempt, JsonTypeInfo<T> type)
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

    public static Task<string> ReadTextAsync(CallScope call, AttemptResult attempt) =>
        attempt.Response.Content.ReadAsStringAsync(call.Token);

    public static async Task<BinaryResponse> OpenBinaryAsync(CallScope call, AttemptResult attempt)
    {
        var stream = await attempt.Response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
        return new BinaryResponse(attempt, stream);
    }
}
