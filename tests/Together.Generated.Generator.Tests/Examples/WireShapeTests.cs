using System.Reflection;
using System.Text.Json.Nodes;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Wire shapes user code depends on, checked through code written as a user would write it, compiled together with
/// the client generated from the newest spec.
/// </summary>
public sealed class WireShapeTests
{
    private const string UserCode = """
        using System.Collections.Generic;
        using System.Text.Json;
        using Together.Models;

        public static class UserCode
        {
            public static string PlainStringContent() =>
                JsonSerializer.Serialize(new ChatCompletionRequest
                {
                    Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                    Messages = new List<ChatCompletionMessageParam>
                    {
                        new ChatCompletionUserMessageParam { Content = "What is the capital of Portugal?" },
                    },
                }, TogetherJson.Options);

            public static string FinishReasonOf(string json) =>
                JsonSerializer.Deserialize<ChatCompletionChunk>(json, TogetherJson.Options)!
                    .Choices[0].FinishReason?.WireValue ?? "(null)";
        }
        """;

    [Fact]
    public void Serialize_ChatRequestWithPlainStringContent_WritesContentAsJsonString()
    {
        var json = Call("PlainStringContent");

        var messages = JsonNode.Parse(json)!["messages"];
        var content = messages![0]!["content"];
        Assert.IsAssignableFrom<JsonValue>(content);
        Assert.Equal("What is the capital of Portugal?", content!.GetValue<string>());
        var expected = JsonNode.Parse("""[ { "content": "What is the capital of Portugal?", "role": "user" } ]""");
        Assert.True(JsonNode.DeepEquals(expected, messages), json);
    }

    [Fact]
    public void RoundTrip_FinishReasonTheSpecDoesNotList_KeepsTheValue()
    {
        var chunk = PayloadTests.Read("chat-stream-chunk.json")!;
        chunk["choices"]![0]!["finish_reason"] = "content_filter";
        var client = Client();

        var reason = Call("FinishReasonOf", chunk.ToJsonString());
        var difference = JsonRoundTrip.Difference(client, chunk, client.Model("ChatCompletionChunk"));

        Assert.Equal("content_filter", reason);
        Assert.True(difference is null, difference);
    }

    private static GeneratedClient Client() => GeneratedClient.For(SharedSpecs.Newest, UserCode);

    private static string Call(string method, params object[] arguments) =>
        (string)Client().Assembly.GetType("UserCode", throwOnError: true)!
            .GetMethod(method, BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, arguments)!;
}
