using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

public sealed class StreamTests
{
    [Fact]
    public async Task ChatStream_SendsChunksThenDone_WithUsageOnTheFinishChunk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.ChatAsync(stream: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await response.EventsAsync();
        Assert.Equal("[DONE]", events[^1]);
        var chunks = Wire.Chunks(events);
        Assert.Equal(6, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal(
            "assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var text = string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta")
            .GetProperty("content").GetString()));
        Assert.Equal("Echo: Say hello in five words.", text);
        Assert.All(chunks[..^1], c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind);
            Assert.Equal(JsonValueKind.Null, c.GetProperty("usage").ValueKind);
        });
        var last = chunks[^1];
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(6, last.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(15, last.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task ChatStream_InSeparateChunkMode_SendsUsageInAChunkWithNoChoices()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.StreamUsage = StreamUsageMode.SeparateChunk);

        var chunks = Wire.Chunks(await (await emulator.ChatAsync(stream: true)).EventsAsync());

        Assert.Equal(7, chunks.Count);
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(JsonValueKind.Null, chunks[^2].GetProperty("usage").ValueKind);
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        Assert.Equal(15, chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task CompletionStream_SendsTextChunksThenDone()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.PostAsync(
            "/v1/completions", "{\"model\":\"m\",\"prompt\":\"a b\",\"stream\":true}");

        var events = await response.EventsAsync();
        Assert.Equal("[DONE]", events[^1]);
        var chunks = Wire.Chunks(events);
        Assert.Equal("completion.chunk", chunks[0].GetProperty("object").GetString());
        Assert.Equal("Echo: a b", string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("text")
            .GetString())));
        Assert.Equal(3, chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal("a", chunks[1].GetProperty("token").GetProperty("text").GetString()!.Trim());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(50)]
    public async Task StreamErrorFault_SendsAnErrorEventAfterKChunks_AndNoDone(int after)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults =
            [new FaultRule { Kind = FaultKind.StreamError, AfterChunks = after, Message = "boom" }]);

        var response = await emulator.ChatAsync(stream: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await response.EventsAsync();
        Assert.DoesNotContain("[DONE]", events);
        Assert.Equal(Math.Min(after, 6), events.Count - 1);
        var error = JsonDocument.Parse(events[^1]).RootElement.GetProperty("error");
        Assert.Equal("boom", error.GetProperty("message").GetString());
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        Assert.Equal(1, emulator.State.GetStats().FaultsInjected);
    }

    [Fact]
    public async Task StreamFault_DoesNotHitRequestsThatDoNotStream()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults =
            [new FaultRule { Kind = FaultKind.StreamError, AfterChunks = 1 }]);

        var response = await emulator.ChatAsync(stream: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, emulator.State.GetStats().FaultsInjected);
    }

    [Fact]
    public async Task StreamDisconnectFault_CutsTheConnectionMidStream()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults =
            [new FaultRule { Kind = FaultKind.StreamDisconnect, AfterChunks = 2 }]);
        var request = emulator.Request(HttpMethod.Post, "/v1/chat/completions", TestEmulator.ChatBody(stream: true));

        var response = await emulator.Http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var stats = emulator.State.GetStats();
        Assert.Equal(1, stats.ConnectionsAborted);
        Assert.Equal(1, stats.ResponsesByStatus["aborted"]);
    }

    [Fact]
    public async Task ChunkDelay_WaitsOnTheInjectedClock()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.StreamChunkDelay = TimeSpan.FromSeconds(1));
        var request = emulator.Request(HttpMethod.Post, "/v1/chat/completions", TestEmulator.ChatBody(stream: true));
        var response = await emulator.Http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var reading = response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        for (var gap = 0; gap < 5; gap++)
        {
            await emulator.WaitForClockWaitersAsync(1);
            Assert.False(reading.IsCompleted);
            emulator.Advance(1);
        }

        var text = await reading;
        Assert.EndsWith("data: [DONE]\n\n", text);
    }
}
