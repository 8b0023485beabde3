using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// The quota test: against a server that enforces a strict sliding one-second window, a client whose budget equals
/// that window must never be refused, lose no call, and still use the window almost fully.
/// </summary>
public sealed class StrictWindowTests
{
    private const int PerSecond = 10;
    private const int Calls = 1000;

    private readonly FakeTimeProvider _clock = TestClient.NewClock();

    [Fact]
    public async Task SendAsync_ThousandCallsAtTheWindowsBudget_NoneRefusedNoneLostAtLeast95PercentOfTheRate()
    {
        var server = new WindowServer(_clock, PerSecond);

        // A key-wide and a per-model limiter, both at exactly the server's figure (600 a minute is 10 a second).
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "key", RunAt = PerSecond * 60, QueueLimit = Calls },
            new LimiterDefinition { Name = "chat", RunAt = PerSecond * 60, Scope = PartitionScope.Model,
                QueueLimit = Calls });
        using var core = new TogetherClientCore(new HttpClient(server), Options(), limits);
        var endpoint = TestClient.Endpoint(limiters: ["key", "chat"]);

        var calls = Enumerable.Range(0, Calls).Select(i => core.SendAsync(
            new ApiRequest(endpoint, "/things").WithJsonBody(
                new ModelRequest { Model = "m", MaxTokens = i }, TestJson.Default.ModelRequest),
            TestJson.Default.Thing,
            TestContext.Current.CancellationToken)).ToArray();
        var all = Task.WhenAll(calls);

        // Each permit of the first limiter becomes exactly one request: let it arrive before the clock moves on, so
        // that a continuation the thread pool runs late does not meet a later fake time than it was granted at.
        await _clock.DriveSettled(
            all,
            () => server.Received == core.Limiters.GetStatistics("key")!.TotalSuccessfulLeases,
            TimeSpan.FromMilliseconds(50),
            maxSteps: 4000);

        var accepted = server.Accepted;
        var seconds = (accepted[^1] - accepted[0]).TotalSeconds;
        var rate = (accepted.Count - 1) / seconds;
        Assert.Equal(0, server.Refused);
        Assert.Equal(Calls, accepted.Count);
        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        Assert.InRange(rate, 0.95 * PerSecond, PerSecond);
    }

    private TogetherClientOptions Options() => new()
    {
        ApiKey = TestClient.ApiKey,
        BaseUrl = TestClient.BaseUrl,
        TimeProvider = _clock,
        Jitter = () => 0,
        AttemptTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        TotalTimeout = System.Threading.Timeout.InfiniteTimeSpan,
    };
}
