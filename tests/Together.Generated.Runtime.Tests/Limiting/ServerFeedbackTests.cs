using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>What the server's answers do to the calls waiting behind the one that got them.</summary>
public sealed class ServerFeedbackTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _clock = TestClient.NewClock();
    private readonly FakeHandler _server;

    public ServerFeedbackTests() => _server = new FakeHandler(_clock);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_429WithReset_HoldsBackTheOtherCallsOnThatLimiterUntilTheResetPasses()
    {
        // Ten a second: without the hold-back the second call would go 0.1 s after the first.
        var limits = TestClient.Limits(new LimiterDefinition { Name = "rate", RunAt = 600 });
        using var core = TestClient.Create(_server, _clock, limits);
        _server.Respond(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""",
                headers: ("x-ratelimit-reset", "3"))
            .Respond(HttpStatusCode.OK, """{"id":"b"}""")
            .Respond(HttpStatusCode.OK, """{"id":"a"}""");

        var first = core.SendAsync(TestClient.Post("rate"), TestJson.Default.Thing, Token);
        var second = core.SendAsync(TestClient.Get("rate"), TestJson.Default.Thing, Token);
        await _clock.Drive(Task.WhenAll(first, second), Step, maxSteps: 100);

        var refusedAt = _server.Requests[0].At;
        Assert.Equal(3, _server.Hits);
        Assert.True(_server.Requests[1].At - refusedAt >= TimeSpan.FromSeconds(3), "the queued call went early");
        Assert.True(_server.Requests[2].At - refusedAt >= TimeSpan.FromSeconds(3), "the retry went early");
    }

    [Fact]
    public async Task SendAsync_SuccessWithNoRequestsRemaining_HoldsBackUntilTheReset()
    {
        var limits = TestClient.Limits(new LimiterDefinition { Name = "rate", RunAt = 600 });
        using var core = TestClient.Create(_server, _clock, limits);
        _server.Respond(HttpStatusCode.OK, """{"id":"a"}""",
                headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "2")])
            .Respond(HttpStatusCode.OK, """{"id":"b"}""");

        var first = core.SendAsync(TestClient.Post("rate"), TestJson.Default.Thing, Token);
        var second = core.SendAsync(TestClient.Get("rate"), TestJson.Default.Thing, Token);
        await _clock.Drive(Task.WhenAll(first, second), Step, maxSteps: 100);

        Assert.Equal(2, _server.Hits);
        Assert.True(_server.Requests[1].At - _server.Requests[0].At >= TimeSpan.FromSeconds(2),
            "the second call went into a full window");
    }

    [Fact]
    public async Task SendAsync_429WithoutHint_HoldsBackForOneSecond()
    {
        var limits = TestClient.Limits(new LimiterDefinition { Name = "rate", RunAt = 600 });
        using var core = TestClient.Create(_server, _clock, limits);
        _server.Respond(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""")
            .Respond(HttpStatusCode.OK, """{"id":"b"}""")
            .Respond(HttpStatusCode.OK, """{"id":"a"}""");

        var first = core.SendAsync(TestClient.Post("rate"), TestJson.Default.Thing, Token);
        var second = core.SendAsync(TestClient.Get("rate"), TestJson.Default.Thing, Token);
        await _clock.Drive(Task.WhenAll(first, second), Step, maxSteps: 100);

        Assert.True(_server.Requests[1].At - _server.Requests[0].At >= TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(AuthenticationException))]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(PaymentRequiredException))]
    public async Task SendAsync_KeyRefused_FailsTheCallsQueuedBehindAtOnceWithTheSameError(
        HttpStatusCode status, Type expected)
    {
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "one", Kind = LimiterKind.Concurrency, RunAt = 1 });
        using var core = TestClient.Create(_server, _clock, limits);
        var answer = new TaskCompletionSource();
        _server.Respond(async (_, _) =>
        {
            await answer.Task;
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(
                    """{"error":{"message":"Invalid API key"}}""", Encoding.UTF8, "application/json"),
            };
        });

        var first = core.SendAsync(TestClient.Post("one"), TestJson.Default.Thing, Token);
        var queued = new[]
        {
            core.SendAsync(TestClient.Post("one"), TestJson.Default.Thing, Token),
            core.SendAsync(TestClient.Get("one"), TestJson.Default.Thing, Token),
        };
        Assert.All(queued, q => Assert.False(q.IsCompleted));
        answer.SetResult();

        var refused = await Assert.ThrowsAnyAsync<TogetherApiException>(() => first);
        foreach (var call in queued)
        {
            var error = await Assert.ThrowsAnyAsync<TogetherApiException>(() => call);
            Assert.IsType(expected, error);
            Assert.Equal(refused.StatusCode, error.StatusCode);
            Assert.Equal("Invalid API key", error.ErrorMessage);
            Assert.Equal(0, error.Attempts);
            Assert.Contains("not sent", error.Message);
        }

        Assert.IsType(expected, refused);
        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_KeyRefused_LaterCallsAreStillSent()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.Unauthorized, """{"error":{"message":"Invalid API key"}}""")
            .Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        await Assert.ThrowsAsync<AuthenticationException>(
            () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, Token));
        var later = await core.SendAsync(TestClient.Post(), TestJson.Default.Thing, Token);

        Assert.Equal("t1", later.Id);
    }

    [Fact]
    public async Task SendAsync_HintLongerThanTimeLeft_FailsAtOnceWithTheHint()
    {
        // The policy would wait up to 60 s, but the call has only 10 s in all.
        using var core = TestClient.Create(_server, _clock, configure: o => o.TotalTimeout = TimeSpan.FromSeconds(10));
        _server.Respond(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""",
            headers: ("retry-after", "30"));
        var start = _clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<RateLimitedException>(
            () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, Token));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(1, _server.Hits);
        Assert.Equal(start, _clock.GetUtcNow());
        Assert.Contains("left of the call's TotalTimeout", error.Message);
    }

    [Fact]
    public async Task SendAsync_BackoffLongerThanTimeLeft_FailsAtOnceInsteadOfSleepingIntoTheTimeout()
    {
        // Backoff starts at 1 s; 0.5 s is all the call has.
        using var core = TestClient.Create(_server, _clock,
            configure: o => o.TotalTimeout = TimeSpan.FromMilliseconds(500));
        _server.Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"overloaded"}}""");

        var error = await Assert.ThrowsAsync<ServerException>(
            () => core.SendAsync(TestClient.Get(), TestJson.Default.Thing, Token));

        Assert.Equal(1, _server.Hits);
        Assert.Contains("The next retry would wait 1 s", error.Message);
    }

    [Fact]
    public async Task SendAsync_CaptureOpen_ExposesRequestIdAttemptsAndRateLimitHeaders()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"overloaded"}}""")
            .Respond(HttpStatusCode.OK, """{"id":"t1"}""",
                headers: [("x-request-id", "req-42"), ("x-ratelimit-limit", "10"), ("x-ratelimit-remaining", "7"),
                    ("x-ratelimit-reset", "0.4"), ("x-tokenlimit-limit-dynamic", "5000")]);

        using var capture = TogetherResponseCapture.Start();
        await _clock.Drive(core.SendAsync(TestClient.Get(), TestJson.Default.Thing, Token), Step);

        var info = Assert.Single(capture.Responses);
        Assert.Equal("req-42", info.RequestId);
        Assert.Equal(2, info.Attempts);
        Assert.Equal(200, info.StatusCode);
        Assert.Equal(10, info.RateLimits.RequestLimit);
        Assert.Equal(7, info.RateLimits.RequestsRemaining);
        Assert.Equal(TimeSpan.FromSeconds(0.4), info.RateLimits.Reset);
        Assert.Equal(5000, info.RateLimits.TokenLimit);
        Assert.Null(info.RateLimits.TokensRemaining);
    }

    [Fact]
    public async Task SendAsync_NoCaptureOpen_RecordsNothingAndAClosedCaptureStopsRecording()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.OK, """{"id":"a"}""").Respond(HttpStatusCode.OK, """{"id":"b"}""");
        var capture = TogetherResponseCapture.Start();
        await core.SendAsync(TestClient.Get(), TestJson.Default.Thing, Token);
        capture.Dispose();

        await core.SendAsync(TestClient.Get(), TestJson.Default.Thing, Token);

        Assert.Single(capture.Responses);
    }
}
