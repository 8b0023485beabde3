using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Together.Emulator;

namespace Together.Generated.AI.Tests;

/// <summary><see cref="IChatClient.GetResponseAsync"/> through the generated adapter against the emulator.</summary>
public sealed class ChatClientResponseTests
{
    [Fact]
    public async Task GetResponseAsync_AnswerCutByMaxOutputTokens_MapsTextUsageFinishReasonModelAndId()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);

        var response = await chat.GetResponseAsync(
            "alpha beta gamma", new ChatOptions { MaxOutputTokens = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal("Echo: alpha", response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(EmulatorRig.ChatModel, response.ModelId);
        Assert.StartsWith("chatcmpl-emu-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal(rig.Clock.GetUtcNow().ToUnixTimeSeconds(), response.CreatedAt?.ToUnixTimeSeconds());
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.Equal(2, response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + 2, response.Usage.TotalTokenCount);
        Assert.IsType<Together.Models.ChatCompletionResponse>(response.RawRepresentation);
    }

    [Fact]
    public async Task GetResponseAsync_AnswerEndsBeforeTheCap_FinishReasonStop()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);

        var response = await chat.GetResponseAsync("alpha", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Echo: alpha", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_MessagesAndOptionsSet_RequestCarriesEachOnTheWire()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient("default/model");
        var options = new ChatOptions
        {
            ModelId = EmulatorRig.ChatModel,
            Temperature = 0.5f,
            TopP = 0.25f,
            MaxOutputTokens = 7,
            StopSequences = ["END", "STOP"],
        };
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, "Hi") { AuthorName = "ana" },
            new(ChatRole.Assistant, "Hello."),
            new(ChatRole.User, "Bye"),
        ];

        await chat.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);

        var body = Assert.Single(rig.Requests.All).Body;
        Assert.Equal(EmulatorRig.ChatModel, body.GetProperty("model").GetString());
        Assert.Equal(0.5, body.GetProperty("temperature").GetDouble(), 6);
        Assert.Equal(0.25, body.GetProperty("top_p").GetDouble(), 6);
        Assert.Equal(7, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(["END", "STOP"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        var sent = body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString()));
        Assert.Equal([("system", "Be brief."), ("user", "Hi"), ("assistant", "Hello."), ("user", "Bye")], sent);
        Assert.Equal("ana", body.GetProperty("messages")[1].GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("stream", out var stream) && stream.GetBoolean());
    }

    [Fact]
    public async Task GetService_ChatClientMetadata_NamesTheProviderAndTheDefaultModel()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        using var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);

        var metadata = chat.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("together", metadata.ProviderName);
        Assert.Equal(EmulatorRig.ChatModel, metadata.DefaultModelId);
        Assert.Same(rig.Client, chat.GetService<TogetherClient>());
    }
}
