using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

/// <summary>Reads responses the way a client would: JSON documents and Server-Sent Events.</summary>
internal static class Wire
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The <c>data:</c> payloads of a complete event stream, in order, <c>[DONE]</c> included.</summary>
    public static async Task<List<string>> EventsAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.EndsWith("\n\n", text);
        var events = text.Split("\n\n", System.StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        return events.Select(e => e["data: ".Length..]).ToList();
    }

    public static List<JsonElement> Chunks(IEnumerable<string> events) =>
        events.Where(e => e != "[DONE]").Select(e => JsonDocument.Parse(e).RootElement.Clone()).ToList();

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public static JsonElement Error(this JsonElement body) => body.GetProperty("error");
}
