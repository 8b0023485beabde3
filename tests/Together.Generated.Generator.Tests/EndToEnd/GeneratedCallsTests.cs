using System.Collections;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.EndToEnd;

/// <summary>Calls through a client generated from the repository's spec reach the wire as the spec says.</summary>
public sealed class GeneratedCallsTests
{
    private readonly GeneratedClientFixture _fixture = GeneratedClientFixture.OwnSpec();

    [Fact]
    public async Task GetFile_IdWithSlashAndSpace_IsPercentEncodedInOneSegment()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK,
            """{"id":"x","object":"file","created_at":1,"filename":"a","bytes":1,"purpose":"fine-tune"}""");
        using var client = _fixture.Create(handler);

        await client.InvokeAsync("Files", "GetFilesIdAsync", "dir/file 1");

        Assert.Equal("/v1/files/dir%2Ffile%201", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task ListModels_WithBooleanQuery_SendsWireForm()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, "[]");
        using var client = _fixture.Create(handler);

        var models = await client.InvokeAsync("Models", "ModelsAsync", true);

        Assert.Equal("?dedicated=true", handler.Requests.Single().Uri.Query);
        Assert.Empty((IList)models!);
    }

    [Fact]
    public async Task UploadFile_FromPath_SendsMultipartFilePartWithName()
    {
        var path = Path.Combine(Path.GetTempPath(), "upload-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, "{\"text\":\"hello\"}\n", TestContext.Current.CancellationToken);
        try
        {
            var handler = new ScriptedHandler().Respond(HttpStatusCode.OK,
                """{"id":"f1","object":"file","created_at":1,"filename":"train.jsonl","bytes":""" +
                """17,"purpose":"fine-tune"}""");
            using var client = _fixture.Create(handler);
            var body = _fixture.Model("PostFilesUploadRequest",
                """{"purpose":"fine-tune","file_name":"train.jsonl"}""");
            body.GetType().GetProperty("File")!.SetValue(body, FileUpload.FromPath(path, "train.jsonl"));

            await client.InvokeAsync("Files", "PostFilesUploadAsync", body);

            var request = handler.Requests.Single();
            Assert.StartsWith("multipart/form-data", request.ContentType);
            Assert.Contains("filename=\"train.jsonl\"", request.BodyText);
            Assert.Contains("{\"text\":\"hello\"}", request.BodyText);
            Assert.Contains("name=\"purpose\"", request.BodyText);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AudioSpeech_BinaryResponse_ReturnsTheBytesAsAStream()
    {
        var audio = new byte[] { 82, 73, 70, 70, 1, 2, 3, 4 };
        var handler = new ScriptedHandler().RespondBytes(audio, "audio/wav");
        using var client = _fixture.Create(handler);
        var body = _fixture.Model("AudioSpeechRequest",
            """{"model":"cartesia/sonic","input":"Hello","voice":"laidback woman"}""");

        await using var response = (BinaryResponse)(await client.InvokeAsync("Audio", "AudioSpeechAsync", body))!;
        using var copy = new MemoryStream();
        await response.Content.CopyToAsync(copy, TestContext.Current.CancellationToken);

        Assert.Equal(audio, copy.ToArray());
        Assert.Equal("audio/wav", response.ContentType);
    }

    [Fact]
    public async Task ChatStream_ServerSentEvents_YieldTypedChunksAndAskForAStream()
    {
        const string Events = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\"," +
            "\"created\":1,\"model\":\"m\"," +
            "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n" +
            ": keep-alive\n\n" +
            "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\"," +
            "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n" +
            "data: [DONE]\n\n";
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, Events, "text/event-stream");
        using var client = _fixture.Create(handler);
        var body = _fixture.Model("ChatCompletionRequest",
            """{"model":"m","messages":[{"role":"user","content":"Hi"}]}""");

        var stream = client.Invoke("Chat", "ChatCompletionsStreamAsync", body)!;
        var chunks = await Collect(stream);

        Assert.Equal(2, chunks.Count);
        Assert.Equal("ChatCompletionChunk", chunks[0]!.GetType().Name);
        var sent = JsonNode.Parse(handler.Requests.Single().BodyText)!;
        Assert.True((bool)sent["stream"]!);
    }

    [Fact]
    public void ChatRequest_LimitFields_AreReadThroughILimitedRequest()
    {
        var body = (ILimitedRequest)_fixture.Model("ChatCompletionRequest",
            """{"model":"m1","messages":[],"max_tokens":128,"n":2,"stream":true}""");

        Assert.Equal("m1", body.Model);
        Assert.Equal(128, body.MaxTokens);
        Assert.Equal(2, body.Choices);
        Assert.True(body.Streams);
    }

    private static async Task<System.Collections.Generic.List<object?>> Collect(object asyncEnumerable)
    {
        var items = new System.Collections.Generic.List<object?>();
        await foreach (var item in (System.Collections.Generic.IAsyncEnumerable<object>)asyncEnumerable)
        {
            items.Add(item);
        }

        return items;
    }
}
