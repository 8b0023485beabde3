using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class EventStreamTests
{
    private static readonly LimiterDefinition InFlight =
        new() { Name = "in-flight", Kind = LimiterKind.Concurrency, RunAt = 1, QueueLimit = 0 };

    private readonly FakeHandler _server = new();

    [Fact]
    public async Task StreamAsync_DataEvents_YieldsParsedChunksUntilDone()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, Events("""{"text":"a"}""", """{"text":"b"}""", "[DONE]", """{"text":"c"}"""),
            "text/event-stream");

        var texts = await ReadAll(core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk, Token));

        Assert.Equal(["a", "b"], texts);
    }

    [Fact]
    public async Task StreamAsync_CommentLines_AreIgnored()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK,
            ": keep-alive\n\ndata: {\"text\":\"a\"}\n\n: ping\ndata: {\"text\":\"b\"}\n\ndata: [DONE]\n\n",
            "text/event-stream");

        var texts = await ReadAll(core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk, Token));

        Assert.Equal(["a", "b"], texts);
    }

    [Fact]
    public async Task StreamAsync_ErrorEventMidStream_ThrowsWithServerMessage()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK,
            Events("""{"text":"a"}""", """{"error":{"message":"Model overloaded","type":"server_error"}}"""),
            "text/event-stream");
        var received = new List<string?>();

        var error = await Assert.ThrowsAsync<StreamInterruptedException>(async () =>
        {
            await foreach (var chunk in core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk,
                TestContext.Current.CancellationToken))
            {
                received.Add(chunk.Text);
            }
        });

        Assert.Equal(["a"], received);
        Assert.Equal("Model overloaded", error.ErrorMessage);
        Assert.Equal("server_error", error.ErrorType);
        Assert.Equal(1, error.ChunksReceived);
        Assert.Contains("CreateThing", error.Message);
        Assert.Contains("Model overloaded", error.Message);
    }

    [Fact]
    public async Task StreamAsync_ReaderStopsAfterThreeChunks_ReleasesPermitsAndBody()
    {
        using var core = Core(InFlight);
        var body = new ControlledStream();
        for (var i = 0; i < 5; i++)
        {
            body.Send($"data: {{\"text\":\"{i}\"}}\n\n");
        }

        _server.Respond(Ok(body));
        var seen = 0;

        await foreach (var _ in core.StreamAsync(TestClient.Post("in-flight"), TestJson.Default.Chunk,
            TestContext.Current.CancellationToken))
        {
            Assert.Equal(0, core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits);
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.Equal(1, core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits);
        Assert.True(body.Disposed);
    }

    // The timeout only stops a buffering regression from hanging the run; nothing here depends on real time.
    [Fact(Timeout = 30_000)]
    public async Task StreamAsync_FirstChunk_ReachesCallerBeforeServerSendsSecond()
    {
        using var core = Core();
        var body = new ControlledStream();
        _server.Respond(Ok(body));
        body.Send("data: {\"text\":\"first\"}\n\n");
        var token = TestContext.Current.CancellationToken;
        await using var chunks = core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk, token)
            .GetAsyncEnumerator(token);

        // The server has sent only the first event; a buffering client would wait here for the body to end.
        Assert.True(await chunks.MoveNextAsync());
        Assert.Equal("first", chunks.Current.Text);

        body.Send("data: {\"text\":\"second\"}\n\ndata: [DONE]\n\n");
        Assert.True(await chunks.MoveNextAsync());
        Assert.Equal("second", chunks.Current.Text);
        Assert.False(await chunks.MoveNextAsync());
    }

    [Fact]
    public async Task StreamAsync_ConnectionCutAfterFirstChunk_ThrowsAndIsNotRestarted()
    {
        using var core = Core();
        var body = new ControlledStream();
        _server.Respond(Ok(body));
        body.Send("data: {\"text\":\"a\"}\n\n");
        body.End(new IOException("connection reset"));

        var error = await Assert.ThrowsAsync<StreamInterruptedException>(
            () => ReadAll(core.StreamAsync(TestClient.Get(), TestJson.Default.Chunk, Token)));

        Assert.Equal(1, error.ChunksReceived);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task StreamAsync_ServerSilentLongerThanAttemptTimeout_ThrowsIdleTimeout()
    {
        var clock = TestClient.NewClock();
        using var core = TestClient.Create(_server, clock, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        var body = new ControlledStream();
        _server.Respond(Ok(body));
        body.Send("data: {\"text\":\"a\"}\n\n");

        var reading = ReadAll(core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk, Token));
        var error = await Assert.ThrowsAsync<StreamInterruptedException>(
            () => clock.Drive(reading, TimeSpan.FromSeconds(1)));

        Assert.Equal(1, error.ChunksReceived);
        Assert.IsType<TogetherTimeoutException>(error.InnerException);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StreamAsync_UsageOnFinishingChunkOrInAChunkOfItsOwn_ReachesTheCaller(bool ownChunk)
    {
        using var core = Core(InFlight);
        var usage = """ "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}""";
        var events = ownChunk
            ? Events("""{"text":"a"}""", """{"text":"b","finish_reason":"stop"}""", "{" + usage + "}", "[DONE]")
            : Events("""{"text":"a"}""", """{"text":"b","finish_reason":"stop",""" + usage + "}", "[DONE]");
        _server.Respond(HttpStatusCode.OK, events, "text/event-stream");

        var chunks = new List<UsageChunk>();
        await foreach (var chunk in core.StreamAsync(TestClient.Post("in-flight"), TestJson.Default.UsageChunk, Token))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(ownChunk ? 3 : 2, chunks.Count);
        Assert.Equal("ab", string.Concat(chunks.Select(c => c.Text)));
        Assert.Equal(7, chunks[^1].Usage?.TotalTokens);
        Assert.Equal(1, core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Events(params string[] data) => string.Concat(Array.ConvertAll(data, d => $"data: {d}\n\n"));

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Ok(Stream body) =>
        (_, _) =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        };

    private static async Task<List<string?>> ReadAll(IAsyncEnumerable<Chunk> chunks)
    {
        var texts = new List<string?>();
        await foreach (var chunk in chunks)
        {
            texts.Add(chunk.Text);
        }

        return texts;
    }

    private TogetherClientCore Core(params LimiterDefinition[] limiters) =>
        TestClient.Create(_server, TestClient.NewClock(), TestClient.Limits(limiters));
}
