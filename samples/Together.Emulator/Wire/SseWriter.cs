using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>
/// Writes a Server-Sent Events answer the way Together does: <c>data: {json}</c> events, each flushed at once,
/// <see cref="EmulatorOptions.StreamChunkDelay"/> apart, ending with <c>data: [DONE]</c>. A stream fault of the call
/// acts once <see cref="FaultRule.AfterChunks"/> chunks are out (or before <c>[DONE]</c> if the stream is shorter):
/// an error event that ends the stream, or a cut connection.
/// </summary>
internal sealed class SseWriter(HttpContext context, Call call)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    private FaultRule? fault = call.StreamFault;
    private int written;

    /// <summary>False once a fault has ended the stream; the caller then stops writing.</summary>
    public bool IsOpen { get; private set; } = true;

    public async Task StartAsync()
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(context.RequestAborted);
    }

    /// <summary>Writes one chunk; returns <see cref="IsOpen"/>.</summary>
    public async Task<bool> WriteAsync<T>(T chunk, JsonTypeInfo<T> type)
    {
        if (!IsOpen)
        {
            return false;
        }

        if (written > 0)
        {
            await call.State.SleepAsync(call.Options.StreamChunkDelay, context.RequestAborted);
        }

        if (await FaultDueAsync(atEnd: false))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(DataPrefix);
        using (var json = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(json, chunk, type);
        }

        buffer.Write(EventEnd);
        await WriteRawAsync(buffer.WrittenMemory.ToArray());
        written++;
        return true;
    }

    /// <summary>Ends the stream with <c>data: [DONE]</c>, unless a fault ends it first.</summary>
    public async Task FinishAsync()
    {
        if (IsOpen && !await FaultDueAsync(atEnd: true))
        {
            await WriteRawAsync(Done);
        }
    }

    private async Task<bool> FaultDueAsync(bool atEnd)
    {
        if (fault is null || (written < fault.AfterChunks && !atEnd))
        {
            return false;
        }

        var due = fault;
        fault = null;
        IsOpen = false;
        if (due.Kind == FaultKind.StreamDisconnect)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            Connection.Abort(context);
            return true;
        }

        var message = due.Message ?? ErrorWriter.DefaultMessage(500);
        var type = due.ErrorType ?? ErrorWriter.ServerError;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", type);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await WriteRawAsync([.. DataPrefix, .. buffer.WrittenSpan, .. EventEnd]);
        return true;
    }

    private async Task WriteRawAsync(byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
