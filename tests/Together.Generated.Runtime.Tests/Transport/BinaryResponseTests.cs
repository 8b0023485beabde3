using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class BinaryResponseTests
{
    [Fact]
    public async Task SendForBinaryAsync_Audio_StreamsBodyAndHoldsPermitUntilDisposed()
    {
        var server = new FakeHandler();
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "in-flight", Kind = LimiterKind.Concurrency, RunAt = 1 });
        using var core = TestClient.Create(server, TestClient.NewClock(), limits);
        server.Respond((_, _) =>
        {
            var content = new ByteArrayContent([1, 2, 3]);
            content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            response.Headers.Add("x-request-id", "req-9");
            return Task.FromResult(response);
        });

        var audio = await core.SendForBinaryAsync(TestClient.Post("in-flight"), TestContext.Current.CancellationToken);
        var held = core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits;
        var bytes = new MemoryStream();
        await audio.Content.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        await audio.DisposeAsync();

        Assert.Equal(0, held);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToArray());
        Assert.Equal("audio/wav", audio.ContentType);
        Assert.Equal("req-9", audio.RequestId);
        Assert.Equal(1, core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits);
        Assert.Equal("*/*", server.Requests[0].Header("Accept"));
    }

    [Fact]
    public async Task SendForTextAsync_PlainText_ReturnsBody()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.OK, "hello world", "text/plain");
        using var core = TestClient.Create(server, TestClient.NewClock());

        var text = await core.SendForTextAsync(TestClient.Get(), TestContext.Current.CancellationToken);

        Assert.Equal("hello world", text);
    }

    [Fact]
    public async Task SendAsync_NoContent_CompletesAndReleasesPermit()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.NoContent);
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "in-flight", Kind = LimiterKind.Concurrency, RunAt = 1 });
        using var core = TestClient.Create(server, TestClient.NewClock(), limits);

        await core.SendAsync(TestClient.Get("in-flight"), TestContext.Current.CancellationToken);

        Assert.Equal(1, core.Limiters.GetStatistics("in-flight")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Dispose_CallWaitingForPermit_FailsWithObjectDisposed()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.OK, "abc", "audio/wav");
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "in-flight", Kind = LimiterKind.Concurrency, RunAt = 1 });
        var core = TestClient.Create(server, TestClient.NewClock(), limits);
        await using var holding = await core.SendForBinaryAsync(TestClient.Post("in-flight"),
            TestContext.Current.CancellationToken);

        var waiting = core.SendForBinaryAsync(TestClient.Post("in-flight"), TestContext.Current.CancellationToken);
        var waitedForPermit = !waiting.IsCompleted;
        core.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.True(waitedForPermit);
        Assert.Equal(1, server.Hits);
    }
}
