using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>Operations with streamed, multipart and binary bodies, and per-operation servers.</summary>
public sealed class OperationSnapshotTests
{
    private const string Streaming = """
        /chat/completions:
          post:
            operationId: chat-completions
            tags: [Chat]
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ChatRequest'}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatResponse'}
                  text/event-stream:
                    schema:
                      oneOf:
                        - type: object
                          required: [data]
                          properties:
                            data: {$ref: '#/components/schemas/Chunk'}
                        - type: object
                          required: [data]
                          properties:
                            data: {type: string, enum: ['[DONE]']}
        """;

    private const string StreamingOnly = """
        /chat/completions:
          post:
            operationId: chat-completions
            tags: [Chat]
            responses:
              '200':
                description: OK
                content:
                  text/event-stream:
                    schema:
                      oneOf:
                        - type: object
                          properties:
                            data: {type: string, const: '[DONE]'}
                        - type: object
                          properties:
                            data: {$ref: '#/components/schemas/Chunk'}
        """;

    private const string StreamingSchemas = """
        ChatRequest:
          type: object
          required: [model]
          properties:
            model: {type: string}
            stream: {type: boolean}
        ChatResponse:
          type: object
          properties:
            id: {type: string}
        Chunk:
          type: object
          properties:
            delta: {type: string}
        """;

    private const string Upload = """
        /files/upload:
          post:
            operationId: uploadFile
            tags: [Files]
            requestBody:
              required: true
              content:
                multipart/form-data:
                  schema:
                    type: object
                    required: [file, purpose]
                    properties:
                      file: {type: string, format: binary}
                      purpose: {type: string, enum: [fine-tune, eval]}
                      file_name: {type: string}
                      labels: {type: array, items: {type: string}}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        id: {type: string}
        """;

    private const string Speech = """
        /audio/speech:
          post:
            operationId: speech
            tags: [Audio]
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [input]
                    properties:
                      input: {type: string}
            responses:
              '200':
                description: The audio.
                content:
                  audio/wav:
                    schema: {type: string, format: binary}
        """;

    private const string Servers = """
        /rerank:
          post:
            operationId: rerank
            tags: [Rerank]
            servers:
              - url: https://api.example.com/v2
            responses:
              '204': {description: Done.}
        /models:
          get:
            operationId: listModels
            tags: [Rerank]
            responses:
              '204': {description: Done.}
        """;

    [Fact]
    public void Generate_JsonAndEventStreamResponse_EmitsAStreamAsyncMethodYieldingTheChunk()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(Streaming, StreamingSchemas));

        var stream = SnapshotSpecs.Method(result, "Together.ChatApi", "ChatCompletionsStreamAsync");
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Together.Models.Chunk>",
            stream.ReturnType.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<Together.Models.ChatResponse>",
            SnapshotSpecs.Method(result, "Together.ChatApi", "ChatCompletionsAsync").ReturnType.ToDisplayString());
        Assert.Contains("body.Stream = true;", result.Source("ChatApi.g.cs"));
        SnapshotSpecs.Match(result, "ChatApi.g.cs");
    }

    [Fact]
    public void Generate_EventStreamWithConstDoneSentinelFirst_StillYieldsTheChunk()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(StreamingOnly, StreamingSchemas));

        var stream = SnapshotSpecs.Method(result, "Together.ChatApi", "ChatCompletionsStreamAsync");
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Together.Models.Chunk>",
            stream.ReturnType.ToDisplayString());
        Assert.Empty(SnapshotSpecs.Type(result, "Together.ChatApi").GetMembers("ChatCompletionsAsync"));
    }

    [Fact]
    public void Generate_MultipartWithBinaryFile_AddsTheFileAsAFilePartAndTheRestAsFields()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(Upload));

        var source = result.Source("FilesApi.g.cs");
        Assert.Contains("form.AddFile(\"file\", body.File);", source);
        Assert.Contains(
            "form.AddField(\"purpose\", global::Together.Generated.WireFormat.Value(body.Purpose));", source);
        Assert.Contains("request.WithMultipartBody(form);", source);
        SnapshotSpecs.Match(result, "FilesApi.g.cs", "Models.UploadFileRequest.g.cs");
    }

    [Fact]
    public void Generate_AudioWavResponse_ReturnsABinaryResponse()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(Speech));

        Assert.Equal("System.Threading.Tasks.Task<Together.Generated.BinaryResponse>",
            SnapshotSpecs.Method(result, "Together.AudioApi", "SpeechAsync").ReturnType.ToDisplayString());
        Assert.Contains("SendForBinaryAsync", result.Source("AudioApi.g.cs"));
        SnapshotSpecs.Match(result, "AudioApi.g.cs");
    }

    [Fact]
    public void Generate_PerOperationServer_GivesOnlyThatEndpointItsServerPath()
    {
        var spec = SnapshotSpecs.WithPaths(Servers)
            .Replace("paths:\n", "servers:\n  - url: https://api.example.com/v1\npaths:\n");

        var result = SnapshotSpecs.Generate(spec);

        var endpoints = result.Source("TogetherEndpoints.g.cs");
        Assert.Single(endpoints.Split('\n'), l => l.Contains("serverPath: \"/v2\""));
        Assert.Single(endpoints.Split('\n'), l => l.Contains("serverPath: null"));
        SnapshotSpecs.Match(result, "TogetherEndpoints.g.cs");
    }
}
