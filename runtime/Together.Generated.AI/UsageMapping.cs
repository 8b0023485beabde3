using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>Maps Together's <c>usage</c> object to <see cref="UsageDetails"/>.</summary>
public static class UsageMapping
{
    /// <summary>
    /// <c>prompt_tokens</c>, <c>completion_tokens</c> and <c>total_tokens</c> as input, output and total counts;
    /// null when <paramref name="usage"/> is not an object.
    /// </summary>
    public static UsageDetails? FromWire(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = Count(usage, "prompt_tokens"),
            OutputTokenCount = Count(usage, "completion_tokens"),
            TotalTokenCount = Count(usage, "total_tokens"),
        };
    }

    private static long? Count(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var count)
            ? count
            : null;
}
