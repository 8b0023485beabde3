using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Realistic Together payloads (Payloads/*.json, written for these tests) survive a round trip through the type the
/// newest spec generates for them.
/// </summary>
public sealed class PayloadTests
{
    /// <summary>Payload file and the schema it is an instance of. <c>X[]</c> is a JSON array of X.</summary>
    private static readonly (string File, string Schema)[] Table =
    {
        ("chat-completion.json", "ChatCompletionResponse"),
        ("chat-completion-tool-call.json", "ChatCompletionResponse"),
        ("chat-stream-chunk.json", "ChatCompletionChunk"),
        ("chat-stream-chunk-usage.json", "ChatCompletionChunk"),
        ("embeddings.json", "EmbeddingsResponse"),

        // GET /models: the spec's ModelInfoList is an array of ModelInfo and declares no type of its own.
        ("model-list.json", "ModelInfo[]"),
        ("fine-tune-job.json", "FinetuneResponse"),
        ("batch-job.json", "BatchJob"),
        ("error-invalid-request.json", "ErrorData"),
        ("error-rate-limited.json", "ErrorData"),
        ("error-batch.json", "BatchErrorResponse"),
        ("error-queue.json", "QueueError"),
        ("error-code-message.json", "ErrorResponse"),
    };

    public static TheoryData<string, string> Payloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, schema) in Table)
        {
            data.Add(file, schema);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void RoundTrip_PayloadThroughNewestSpecType_WritesTheSameJson(string file, string schema)
    {
        var client = GeneratedClient.For(SharedSpecs.Newest);
        var payload = Read(file);
        var type = schema.EndsWith("[]", StringComparison.Ordinal)
            ? typeof(IList<>).MakeGenericType(client.Model(schema[..^2]))
            : client.Model(schema);

        var difference = JsonRoundTrip.Difference(client, payload, type);

        Assert.Null(difference);
    }

    [Fact]
    public void Payloads_EveryFileInTheFolder_IsInTheTable()
    {
        var listed = new HashSet<string>(Table.Select(t => t.File));

        var files = Directory.GetFiles(Folder, "*.json");

        Assert.All(files, f => Assert.Contains(Path.GetFileName(f), listed));
        Assert.Equal(listed.Count, files.Length);
    }

    public static JsonNode? Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)));

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Payloads");
}
