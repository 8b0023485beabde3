using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI.Tests;

/// <summary>The runtime mappings the generated adapters call, without a client.</summary>
public sealed class MappingTests
{
    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("eos", "stop")]
    [InlineData("length", "length")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("function_call", "tool_calls")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("something_new", "something_new")]
    public void FinishReasonFromWire_KnownAndUnknownReasons_MapsToTheAbstraction(string wire, string expected)
    {
        Assert.Equal(new ChatFinishReason(expected), FinishReasonMapping.FromWire(wire));
    }

    [Fact]
    public void FinishReasonFromWire_Null_Null()
    {
        Assert.Null(FinishReasonMapping.FromWire(null));
    }

    [Fact]
    public void UsageFromWire_NullOrMissingCounts_NullOrOnlyTheCountsGiven()
    {
        using var partial = JsonDocument.Parse("""{"prompt_tokens":3}""");
        using var none = JsonDocument.Parse("null");

        var usage = UsageMapping.FromWire(partial.RootElement);

        Assert.Equal(3, usage?.InputTokenCount);
        Assert.Null(usage?.OutputTokenCount);
        Assert.Null(UsageMapping.FromWire(none.RootElement));
    }

    [Fact]
    public void UpdateFromWire_UsageOnlyChunk_UsageContentAndNoText()
    {
        using var chunk = JsonDocument.Parse("""
            {"id":"c1","model":"m","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}
            """);

        var update = ChatResponseMapping.UpdateFromWire(chunk.RootElement, raw: null);

        Assert.Equal(string.Empty, update.Text);
        Assert.Equal(3, Assert.IsType<UsageContent>(Assert.Single(update.Contents)).Details.TotalTokenCount);
        Assert.Null(update.FinishReason);
    }

    [Fact]
    public void Write_HistoryWithUsageAndReasoning_SendsOnlyTheText()
    {
        var reply = new ChatMessage(ChatRole.Assistant,
            [new TextReasoningContent("thinking"), new TextContent("Hello."), new UsageContent(new UsageDetails())]);

        var body = ChatRequestMapping.Write([new(ChatRole.User, "Hi"), reply], options: null, defaultModelId: "m");

        Assert.Equal("Hello.", body["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Null(body["temperature"]);
    }
}
