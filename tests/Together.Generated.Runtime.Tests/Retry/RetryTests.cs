using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

public sealed class RetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _clock = TestClient.NewClock();
    private readonly FakeHandler _server;

    public RetryTests() => _server = new FakeHandler(_clock);

    [Fact]
    public async Task SendAsync_PostGets429ThenOk_ReplaysAfterHintAndReturnsResult()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""",
            headers: ("x-ratelimit-reset", "2"));
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        var thing = await _clock.Drive(Send(core, TestClient.Post()), Step);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(2, _server.Hits);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
        var gap = _server.Requests[1].At - _server.Requests[0].At;
        Assert.InRange(gap, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) + Step);
    }

    [Fact]
    public async Task SendAsync_PostAttemptTimesOut_IsNotReplayed()
    {
        using var core = TestClient.Create(
            _server, _clock, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        _server.Hang();
        _server.Respond(HttpStatusCode.OK, """{"id":"never"}""");

        var error = await Assert.ThrowsAsync<TogetherTimeoutException>(
            () => _clock.Drive(Send(core, TestClient.Post()), TimeSpan.FromSeconds(1)));

        Assert.Equal(1, _server.Hits);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.IsTotalTimeout);
        Assert.Contains("CreateThing", error.Message);
    }

    [Fact]
    public async Task SendAsync_IdempotentPostAttemptTimesOut_IsReplayed()
    {
        using var core = TestClient.Create(
            _server, _clock, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        _server.Hang();
        _server.Respond(HttpStatusCode.OK, """{"id":"t2"}""");
        var request = new ApiRequest(TestClient.Endpoint("POST", "/things", idempotent: true), "/things");

        var thing = await _clock.Drive(Send(core, request), TimeSpan.FromSeconds(1));

        Assert.Equal("t2", thing.Id);
        Assert.Equal(2, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_GetGets503Twice_ReplaysWithExponentialBackoff()
    {
        var logs = new RecordingLoggerFactory();
        using var core = TestClient.Create(_server, _clock, loggerFactory: logs);
        _server.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable);
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        var thing = await _clock.Drive(Send(core, TestClient.Get()), Step);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(3, _server.Hits);
        var delays = logs.Entries.Where(e => e.EventId == 4).Select(e => e.Values["DelayMs"]).ToArray();
        Assert.Equal(new object?[] { 1000L, 2000L }, delays);
    }

    [Fact]
    public async Task SendAsync_PostConnectionCutMidResponse_IsNotReplayed()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "response ended"));
        _server.Respond(HttpStatusCode.OK, """{"id":"never"}""");

        var error = await Assert.ThrowsAsync<TogetherConnectionException>(
            () => _clock.Drive(Send(core, TestClient.Post()), Step));

        Assert.Equal(1, _server.Hits);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task SendAsync_PostConnectionRefused_IsReplayed()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"));
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        var thing = await _clock.Drive(Send(core, TestClient.Post()), Step);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(2, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_PostGets502_IsNotReplayed()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.OK, """{"id":"never"}""");

        await Assert.ThrowsAsync<ServerException>(() => _clock.Drive(Send(core, TestClient.Post()), Step));

        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_ShouldRetryFalseOn503_IsNotRetried()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.ServiceUnavailable, headers: ("x-should-retry", "false"));

        await Assert.ThrowsAsync<ServerException>(() => _clock.Drive(Send(core, TestClient.Get()), Step));

        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_ShouldRetryTrueOn409Get_IsRetried()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.Conflict, headers: ("x-should-retry", "true"));
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        await _clock.Drive(Send(core, TestClient.Get()), Step);

        Assert.Equal(2, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_ShouldRetryTrueOn500Post_ReplayRuleStillRefuses()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.InternalServerError, headers: ("x-should-retry", "true"));

        await Assert.ThrowsAsync<ServerException>(() => _clock.Drive(Send(core, TestClient.Post()), Step));

        Assert.Equal(1, _server.Hits);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task SendAsync_StatusNeverRetried_FailsAfterOneAttemptEvenIfListed(HttpStatusCode status)
    {
        var limits = TestClient.Limits();
        limits.RetryPolicies["default"].RetryOn.Add((int)status);
        using var core = TestClient.Create(_server, _clock, limits);
        _server.Respond(status);

        var error = await Assert.ThrowsAnyAsync<TogetherApiException>(
            () => _clock.Drive(Send(core, TestClient.Get()), Step));

        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_HintLongerThanMaxWait_FailsAtOnceWithHint()
    {
        using var core = TestClient.Create(_server, _clock);
        _server.Respond(HttpStatusCode.TooManyRequests, """{"error":{"message":"rate limited"}}""",
            headers: ("x-ratelimit-reset", "120"));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => Send(core, TestClient.Post()));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, _server.Hits);
        Assert.Contains("120 s", error.Message);
    }

    [Fact]
    public async Task SendAsync_503UntilRetriesRunOut_ThrowsServerExceptionCountingAttempts()
    {
        using var core = TestClient.Create(_server, _clock);
        for (var i = 0; i < 4; i++)
        {
            _server.Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"overloaded"}}""");
        }

        var error = await Assert.ThrowsAsync<ServerException>(() => _clock.Drive(Send(core, TestClient.Get()), Step));

        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, _server.Hits);
        Assert.Equal("overloaded", error.ErrorMessage);
    }

    [Fact]
    public async Task SendAsync_TotalTimeoutElapses_ThrowsTotalTimeout()
    {
        using var core = TestClient.Create(_server, _clock, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(25);
        });
        _server.Hang().Hang().Hang();

        var error = await Assert.ThrowsAsync<TogetherTimeoutException>(
            () => _clock.Drive(Send(core, TestClient.Get()), TimeSpan.FromSeconds(1)));

        Assert.True(error.IsTotalTimeout);
        Assert.Equal(3, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        using var core = TestClient.Create(_server, _clock);
        using var cancel = new CancellationTokenSource();
        _server.Hang();

        var call = core.SendAsync(TestClient.Get(), TestJson.Default.Thing, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static Task<Thing> Send(TogetherClientCore core, ApiRequest request) =>
        core.SendAsync(request, TestJson.Default.Thing, TestContext.Current.CancellationToken);
}
