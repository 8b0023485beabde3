using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Together.Emulator;

namespace Together.Generated.AI.Tests;

/// <summary>What the chat adapter refuses, before anything is sent.</summary>
public sealed class ChatClientUnsupportedTests
{
    [Fact]
    public async Task GetResponseAsync_ToolsInOptions_ThrowsNotSupportedNamingTools()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => 42, "answer")] };

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            chat.GetResponseAsync("hi", options, TestContext.Current.CancellationToken));

        Assert.Contains("tools", error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Requests.All);
    }

    [Fact]
    public async Task GetResponseAsync_ImageContent_ThrowsNotSupportedNamingTheContent()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);
        var message = new ChatMessage(ChatRole.User, [new UriContent("https://example.com/a.png", "image/png")]);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            chat.GetResponseAsync([message], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(nameof(UriContent), error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Requests.All);
    }

    [Fact]
    public async Task GetResponseAsync_ToolRoleMessage_ThrowsNotSupported()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);

        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync(
            [new ChatMessage(ChatRole.Tool, "42")], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetResponseAsync_NoModelAnywhere_ThrowsArgumentException()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            chat.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }
}
