using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>Maps Together's <c>finish_reason</c> strings to <see cref="ChatFinishReason"/>.</summary>
public static class FinishReasonMapping
{
    /// <summary>
    /// <c>stop</c> and <c>eos</c> map to <see cref="ChatFinishReason.Stop"/>, <c>length</c> to
    /// <see cref="ChatFinishReason.Length"/>, <c>tool_calls</c> and <c>function_call</c> to
    /// <see cref="ChatFinishReason.ToolCalls"/>, <c>content_filter</c> to <see cref="ChatFinishReason.ContentFilter"/>;
    /// another string keeps its value, and null or empty gives null (no reason yet).
    /// </summary>
    public static ChatFinishReason? FromWire(string? reason) => reason switch
    {
        null or "" => null,
        "stop" or "eos" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };
}
