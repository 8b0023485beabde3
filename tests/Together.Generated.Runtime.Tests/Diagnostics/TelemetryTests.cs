using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>The client's metrics, spans and logs: what they count, and what they never carry.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _clock = TestClient.NewClock();
    private readonly FakeHandler _server;

    public TelemetryTests() => _server = new FakeHandler(_clock);

    [Fact]
    public async Task SendAsync_429Then503ThenOk_CountsRetriesThrottlesWaitsAndOneSpanWithAnEventPerAttempt()
    {
        var key = UniqueKey();
        using var telemetry = new TelemetryRecorder(key);
        var logs = new RecordingLoggerFactory();
        using var core = Client(key, logs);
        _server.Respond(HttpStatusCode.TooManyRequests, headers: ("retry-after-ms", "1500"))
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        var thing = await _clock.Drive(Send(core, TestClient.Get("rpm")), Step);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(2, telemetry.Sum("together.client.retries"));
        Assert.Equal(1, telemetry.Sum("together.client.retries", m => Tag(m, "together.retry.reason", "HTTP 429")));
        Assert.Equal(1, telemetry.Sum("together.client.retries", m => Tag(m, "together.retry.reason", "HTTP 503")));
        Assert.Equal(1, telemetry.Sum("together.client.throttled", m => Tag(m, "http.response.status_code", 429)));
        Assert.Equal(1, telemetry.Sum("together.client.throttled", m => Tag(m, "http.response.status_code", 503)));
        Assert.Equal(3, telemetry.Count("together.client.permit.wait_time"));

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal("GET /things/{id}", span.DisplayName);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        var attempts = span.Events.Where(e => e.Name == "together.attempt").ToArray();
        var statuses = attempts.Select(e => e.Tags.First(t => t.Key == "http.response.status_code").Value);
        Assert.Equal([429, 503, 200], statuses.Cast<int>());
        Assert.Equal(1500L, attempts[0].Tags.First(t => t.Key == "together.wait_hint_ms").Value);

        var retries = logs.Entries.Where(e => e.EventId == 4).ToArray();
        Assert.All(retries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(["the server's wait hint", "backoff"], retries.Select(e => e.Values["DelaySource"]));
        var holdBack = Assert.Single(logs.Entries, e => e.EventId == 10);
        Assert.Equal((LogLevel.Information, 1500L), (holdBack.Level, holdBack.Values["DelayMs"]));
    }

    [Fact]
    public async Task SendAsync_FullLimiterQueue_LogsAWarningAndMarksTheSpanFailed()
    {
        var key = UniqueKey();
        using var telemetry = new TelemetryRecorder(key);
        var logs = new RecordingLoggerFactory();
        var limits = TestClient.Limits(new LimiterDefinition
        {
            Name = "rpm", RunAt = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
        using var core = TestClient.Create(_server, _clock, limits, o => o.ApiKey = key, logs);
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");
        await Send(core, TestClient.Get("rpm"));

        await Assert.ThrowsAsync<RateLimitedException>(() => Send(core, TestClient.Get("rpm")));

        var warning = Assert.Single(logs.Entries, e => e.EventId == 11);
        Assert.Equal((LogLevel.Warning, "rpm"), (warning.Level, warning.Values["Limiter"]));
        Assert.Equal(1, telemetry.Spans.Count(s => Equals(s.GetTagItem("error.type"), nameof(RateLimitedException))));
    }

    [Fact]
    public async Task SendAsync_RunWithRetriesAndAnErrorQuotingInput_NoKeyOrPromptInLogsMetricsOrSpans()
    {
        var key = UniqueKey();
        const string Prompt = "my-private-prompt-4711";
        using var telemetry = new TelemetryRecorder(key);
        var logs = new RecordingLoggerFactory();
        using var core = Client(key, logs);
        _server.Respond(HttpStatusCode.TooManyRequests, $$$"""{"error":{"message":"slow down, {{{key}}}"}}""")
            .Respond(HttpStatusCode.OK, """{"id":"t1"}""")
            .Respond(
                HttpStatusCode.BadRequest, $$$"""{"error":{"message":"bad input '{{{Prompt}}}' for {{{key}}}"}}""");
        var request = new ApiRequest(TestClient.Endpoint(limiters: ["rpm"]), "/things")
            .WithJsonBody(new Thing(null, Prompt), TestJson.Default.Thing);

        await _clock.Drive(Send(core, request), Step);
        var again = new ApiRequest(TestClient.Endpoint(limiters: ["rpm"]), "/things")
            .WithJsonBody(new Thing(null, Prompt), TestJson.Default.Thing);
        await Assert.ThrowsAnyAsync<TogetherApiException>(() => _clock.Drive(Send(core, again), Step));

        var text = logs.Entries.SelectMany(e => e.Values.Values.Select(v => v?.ToString() ?? string.Empty)
                .Append(e.Message))
            .Concat(telemetry.AllText())
            .ToArray();
        Assert.NotEmpty(telemetry.Spans);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(text, t => t.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains(Prompt, StringComparison.Ordinal));
        Assert.Contains(text, t => t == telemetry.Fingerprint);
    }

    private static bool Tag(TelemetryRecorder.Measurement m, string name, object value) =>
        Equals(m.Tags.GetValueOrDefault(name), value);

    private static string UniqueKey() => "tg-telemetry-" + Guid.NewGuid().ToString("N");

    private TogetherClientCore Client(string key, RecordingLoggerFactory logs)
    {
        var limits = TestClient.Limits(new LimiterDefinition
        {
            Name = "rpm", RunAt = 60, Window = TimeSpan.FromMinutes(1),
        });
        return TestClient.Create(_server, _clock, limits, o => o.ApiKey = key, logs);
    }

    private static Task<Thing> Send(TogetherClientCore core, ApiRequest request) =>
        core.SendAsync(request, TestJson.Default.Thing, TestContext.Current.CancellationToken);
}
