using System;
using System.IO;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Together.Emulator;

/// <summary>
/// Renders a batch job as the spec's BatchJob: <c>VALIDATING</c> for the first tenth of
/// <see cref="EmulatorOptions.JobDuration"/>, <c>IN_PROGRESS</c> (progress rising to 100) until it has passed, then
/// <c>COMPLETED</c> with an output file that answers every input line like <c>/chat/completions</c> would.
/// </summary>
internal static class BatchViews
{
    public static string Status(BatchJob job, DateTimeOffset now, TimeSpan duration)
    {
        if (job.CancelledAt is not null)
        {
            return "CANCELLED";
        }

        var age = now - job.CreatedAt;
        return age >= duration ? "COMPLETED" : age >= duration / 10 ? "IN_PROGRESS" : "VALIDATING";
    }

    public static BatchJobView View(BatchJob job, EmulatorState state)
    {
        var now = state.Time.GetUtcNow();
        var duration = state.Current.JobDuration;
        string status;
        lock (job)
        {
            status = Status(job, now, duration);
            if (status == "COMPLETED" && job.OutputFileId is null)
            {
                job.OutputFileId = Output(job, state).Id;
            }
        }

        var start = job.CreatedAt + (duration / 10);
        var progress = status switch
        {
            "COMPLETED" => 100.0,
            "IN_PROGRESS" => Math.Round(100 * ((now - start) / (duration - (duration / 10))), 1),
            _ => 0.0,
        };
        var request = job.Request;
        return new BatchJobView(
            job.Id, "emulator-user", request.InputFileId!, job.InputBytes, status,
            job.CreatedAt + TimeSpan.FromHours(24),
            job.CreatedAt, request.Endpoint!, progress, request.ModelId, job.OutputFileId, null, null,
            status == "COMPLETED" ? job.CreatedAt + duration : null);
    }

    private static StoredFile Output(BatchJob job, EmulatorState state)
    {
        var output = new StringBuilder();
        var line = 0;
        if (state.Files.Find(job.Request.InputFileId) is { } input)
        {
            using var reader = new StreamReader(input.Open(), Encoding.UTF8);
            while (reader.ReadLine() is { } text)
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    output.Append(Answer(text, ++line, job, state)).Append('\n');
                }
            }
        }

        return state.Files.Add(
            $"{job.Id}-output.jsonl", "batch-generated", "jsonl", Encoding.UTF8.GetBytes(output.ToString()));
    }

    private static string Answer(string line, int number, BatchJob job, EmulatorState state)
    {
        var customId = $"request-{number}";
        var prompt = string.Empty;
        int? maxTokens = null;
        var model = job.Request.ModelId ?? "unknown";
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            customId = root.TryGetProperty("custom_id", out var id) ? id.ToString() : customId;
            if (root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
            {
                model = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
                    ? m.GetString()!
                    : model;
                maxTokens = body.TryGetProperty("max_tokens", out var max) && max.TryGetInt32(out var n) ? n : null;
                prompt = body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                    && messages.GetArrayLength() > 0
                    ? FakeText.ContentText(messages[messages.GetArrayLength() - 1].GetProperty("content"))
                    : body.TryGetProperty("prompt", out var p) ? p.ToString() : string.Empty;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException
            or System.Collections.Generic.KeyNotFoundException)
        {
            // A line that is not a request is still answered, with the greeting, as the file's order must hold.
        }

        var reply = FakeText.Answer(prompt, maxTokens, state.Current.DefaultMaxTokens);
        var completion = new ChatCompletion(
            state.NextId("chatcmpl-emu-"), "chat.completion", job.CreatedAt.ToUnixTimeSeconds(), model,
            [new ChatChoice(0, new ChatMessageOut("assistant", reply.Text), reply.FinishReason)],
            Usage.Of(FakeText.PromptTokens(prompt), reply.Tokens));
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("custom_id", customId);
            json.WriteStartObject("response");
            json.WriteNumber("status_code", 200);
            json.WritePropertyName("body");
            JsonSerializer.Serialize(json, completion, ApiJson.Default.ChatCompletion);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
