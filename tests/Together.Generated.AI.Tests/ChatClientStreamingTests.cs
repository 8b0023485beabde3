using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Together.Emulator;

namespace Together.Generated.AI.Tests;

/// <summary>
/// <see cref="IChatClient.GetStreamingResponseAsync"/> through the generated adapter against the emulator: the text
/// arrives, and the streams keep to this folder's limits (two chat calls in flight, run at 50 a minute).
/// </summary>
public sealed class ChatClientStreamingTests
{
    [Fact]
    public async Task GetStreamingResponseAsync_ThreeStreamsUnderATwoCallCap_ThirdStartsOnlyWhenAnEarlierStreamEnds()
    {
        // A high chat rate with a burst, so on the still fake clock only the two-call cap decides when a stream
        // may start.
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions(), options =>
            options.ConfigureLimits = limits =>
            {
                var chat = limits.Limiters["chat"];
                (chat.Budget, chat.RunAt, chat.Burst) = (6000, 6000, 10);
            });
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);
        var token = TestContext.Current.CancellationToken;

        var first = chat.GetStreamingResponseAsync("one two three", cancellationToken: token).GetAsyncEnumerator(token);
        var second = chat.GetStreamingResponseAsync("four five", cancellationToken: token).GetAsyncEnumerator(token);
        Assert.True(await first.MoveNextAsync());
        Assert.True(await second.MoveNextAsync());
        await using var third =
            chat.GetStreamingResponseAsync("six", cancellationToken: token).GetAsyncEnumerator(token);
        var thirdStarted = third.MoveNextAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(300), token);

        // Both earlier streams were read from, not finished: they still hold their permits.
        Assert.False(thirdStarted.IsCompleted);
        Assert.Equal(2, rig.State.GetStats().TotalRequests);

        var text = new StringBuilder(first.Current.Text);
        while (await first.MoveNextAsync())
        {
            text.Append(first.Current.Text);
        }

        await first.DisposeAsync();
        Assert.True(await thirdStarted.WaitAsync(TimeSpan.FromSeconds(10), token));
        Assert.Equal("Echo: one two three", text.ToString());
        Assert.Equal(3, rig.State.GetStats().TotalRequests);
        Assert.Equal(0, rig.State.GetStats().RateLimited);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SixConcurrentStreamsUnderOneASecond_AllTextNoRefusalAtTheRunAtPace()
    {
        // The server allows one request a second, this folder's chat budget (60 a minute); the client runs at 50.
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions { RequestsPerSecond = 1 });
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);
        var start = rig.Clock.GetUtcNow();

        var texts = await rig.DriveAsync(
            Task.WhenAll(Enumerable.Range(0, 6).Select(i => StreamTextAsync(chat, $"stream number {i}"))),
            "chat", EmulatorRig.ChatModel, TimeSpan.FromMilliseconds(100), maxSteps: 200);

        var elapsed = (rig.Clock.GetUtcNow() - start).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine($"elapsed {elapsed:F1} s of fake time");
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"Echo: stream number {i}"), texts);
        var stats = rig.State.GetStats();
        Assert.Equal(0, stats.RateLimited);
        Assert.Equal(6, stats.TotalRequests);
        Assert.All(rig.Requests.All, attempt => Assert.Equal(200, attempt.Status));
        Assert.True(stats.PeakAcceptedPerSecond <= 1, $"peak {stats.PeakAcceptedPerSecond}/s");
        // Six calls at 50 a minute: the last leaves five intervals of 1.2 s after the first.
        Assert.InRange(elapsed, 5.9, 6.3);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OneStream_UpdatesCarryRoleIdsModelFinishReasonAndUsage()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var chat = rig.Client.AsChatClient(EmulatorRig.ChatModel);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(
            "alpha beta", new ChatOptions { MaxOutputTokens = 2 }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Echo: alpha", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(EmulatorRig.ChatModel, response.ModelId);
        Assert.StartsWith("chatcmpl-emu-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.NotNull(response.Usage);
        Assert.Equal(2, response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + 2, response.Usage.TotalTokenCount);
        Assert.True(Assert.Single(rig.Requests.All).Body.GetProperty("stream").GetBoolean());
    }

    private static async Task<string> StreamTextAsync(IChatClient chat, string prompt)
    {
        var text = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(
            prompt, cancellationToken: TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
        }

        return text.ToString();
    }
}
