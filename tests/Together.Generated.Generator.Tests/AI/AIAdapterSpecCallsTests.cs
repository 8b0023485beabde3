using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Together.Generated.Generator.Tests.EndToEnd;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.AI;

/// <summary>
/// The adapters generated from each of the five shared specs, called against a scripted handler: every mapped chat
/// option survives the trip through that spec's generated request type, and its reply types map back.
/// </summary>
public sealed class AIAdapterSpecCallsTests
{
    public static TheoryData<string> Versions() => new(SharedSpecs.Versions.Select(v => v.File));

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetResponseAsync_SharedSpecClient_SendsEveryMappedOptionAndMapsTheReply(string file)
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, Payload("chat-completion.json"));
        using var client = GeneratedClientFixture.For(SharedSpecs.PathOf(file)).Create(handler);
        using var chat = Adapter<IChatClient>(client, "Together.TogetherChatClient", "default/model");
        var options = new ChatOptions
        {
            ModelId = "m/1", Temperature = 0.5f, TopP = 0.25f, MaxOutputTokens = 7, StopSequences = ["END"],
        };

        var response = await chat.GetResponseAsync(
            [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")], options,
            TestContext.Current.CancellationToken);

        using var sent = JsonDocument.Parse(handler.Requests.Single().BodyText);
        var body = sent.RootElement;
        Assert.Equal("m/1", body.GetProperty("model").GetString());
        Assert.Equal(0.5, body.GetProperty("temperature").GetDouble(), 6);
        Assert.Equal(0.25, body.GetProperty("top_p").GetDouble(), 6);
        Assert.Equal(7, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("END", body.GetProperty("stop")[0].GetString());
        Assert.Equal(["system", "user"],
            body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.StartsWith("Rate limits on Together", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal((37, 24, 61), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount,
            response.Usage?.TotalTokenCount));
        Assert.Equal("oQx7Lm2-2kFHot-93a1c6d4e8b7f012", response.ResponseId);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetStreamingResponseAsync_SharedSpecClient_MapsTextFinishReasonAndUsage(string file)
    {
        var last = Payload("chat-stream-chunk.json").Replace("\"Hello\"", "\" there\"", StringComparison.Ordinal)
            .Replace("\"finish_reason\": null", "\"finish_reason\": \"length\"", StringComparison.Ordinal);
        var events = string.Concat(
            new[] { Payload("chat-stream-chunk.json"), last, Payload("chat-stream-chunk-usage.json") }
                .Select(chunk => "data: " + JsonNode.Parse(chunk)!.ToJsonString() + "\n\n"))
            + "data: [DONE]\n\n";
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, events, "text/event-stream");
        using var client = GeneratedClientFixture.For(SharedSpecs.PathOf(file)).Create(handler);
        using var chat = Adapter<IChatClient>(client, "Together.TogetherChatClient", "m/1");

        var token = TestContext.Current.CancellationToken;
        var response = await chat.GetStreamingResponseAsync("Hi", cancellationToken: token)
            .ToChatResponseAsync(token);

        using var sent = JsonDocument.Parse(handler.Requests.Single().BodyText);
        Assert.True(sent.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal("Hello there", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(60, response.Usage?.TotalTokenCount);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GenerateAsync_SharedSpecClient_OneVectorPerTextInInputOrder(string file)
    {
        const string Reply = """
            {"object":"list","model":"e/1","data":[
              {"object":"embedding","index":1,"embedding":[0.5,0.25]},
              {"object":"embedding","index":0,"embedding":[1.0,2.0]}]}
            """;
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, Reply);
        using var client = GeneratedClientFixture.For(SharedSpecs.PathOf(file)).Create(handler);
        using var generator = Adapter<IEmbeddingGenerator<string, Embedding<float>>>(
            client, "Together.TogetherEmbeddingGenerator", "e/1");

        var embeddings = await generator.GenerateAsync(
            ["a", "b"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1.0f, 2.0f], embeddings[0].Vector.ToArray());
        Assert.Equal([0.5f, 0.25f], embeddings[1].Vector.ToArray());
    }

    private static T Adapter<T>(ClientHandle client, string typeName, string model)
    {
        var assembly = client.Client.GetType().Assembly;
        return (T)Activator.CreateInstance(GeneratedAssembly.Type(assembly, typeName), client.Client, model)!;
    }

    private static string Payload(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name));
}
