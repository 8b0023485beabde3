using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SixRequestsAtOneInstant_WithLimitFive_Give5AcceptedAnd1TooManyRequests()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => emulator.ChatAsync()));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("1", refused.Header("x-ratelimit-reset"));
        var error = (await refused.JsonAsync()).Error();
        Assert.Equal("dynamic_request_limited", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AfterTheWindowPasses_TheNextRequestSucceeds()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 5);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.ChatAsync()).StatusCode);
        }

        emulator.Advance(0.999);
        var early = await emulator.ChatAsync();
        emulator.Advance(0.001);
        var onTime = await emulator.ChatAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal("0.001", early.Header("x-ratelimit-reset"));
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
    }

    [Fact]
    public async Task Window_IsSliding_NotFixedBuckets()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 5);
        await SendAsync(emulator, 3);
        emulator.Advance(0.6);
        await SendAsync(emulator, 2);
        emulator.Advance(0.45);

        var atOneOhFive = await SendAsync(emulator, 5);

        Assert.Equal(3, atOneOhFive.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = atOneOhFive.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, refused.Count);

        // The oldest requests left are the two sent at t=0.6; they leave at t=1.6.
        Assert.All(refused, r => Assert.Equal("0.55", r.Header("x-ratelimit-reset")));
        var stats = emulator.State.GetStats();
        Assert.Equal(5, stats.Partitions[$"{TestEmulator.Key}|{TestEmulator.Model}"].PeakAcceptedPerSecond);
        Assert.Equal(5, stats.PeakAcceptedPerSecond);
        Assert.Equal(7, stats.PeakAttemptedPerSecond);
    }

    [Fact]
    public async Task RefusedRequests_DoNotCountTowardTheWindow()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 5);
        await SendAsync(emulator, 8);
        emulator.Advance(0.5);
        var halfway = await emulator.ChatAsync();
        emulator.Advance(0.5);

        var second = await SendAsync(emulator, 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, halfway.StatusCode);
        Assert.Equal("0.5", halfway.Header("x-ratelimit-reset"));
        Assert.All(second, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, emulator.State.GetStats().RateLimited);
    }

    [Fact]
    public async Task Limits_ArePerKeyAndPerModel_WithOverrides()
    {
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.RequestsPerSecond = 2;
            o.ModelRequestsPerSecond["small"] = 1;
        });

        var first = await SendAsync(emulator, 3, model: "a");
        var otherModel = await SendAsync(emulator, 2, model: "b");
        var otherKey = await SendAsync(emulator, 2, model: "a", key: "other");
        var overridden = await SendAsync(emulator, 2, model: "small");

        Assert.Equal([200, 200, 429], first.Select(r => (int)r.StatusCode));
        Assert.All(otherModel, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(otherKey, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([200, 429], overridden.Select(r => (int)r.StatusCode));
    }

    [Fact]
    public async Task RequestsWithoutModel_AreLimitedPerEndpointPath()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 2);

        var models = new[] { await emulator.GetAsync("/v1/models"), await emulator.GetAsync("/v1/models"),
            await emulator.GetAsync("/v1/models") };
        var files = await emulator.GetAsync("/v1/files");

        Assert.Equal([200, 200, 429], models.Select(r => (int)r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Contains($"{TestEmulator.Key}|/models", emulator.State.GetStats().Partitions.Keys);
    }

    [Fact]
    public async Task TokenLimit_RefusesWithDynamicTokenLimited()
    {
        // Each chat request costs 15 tokens (9 prompt + 6 completion).
        await using var emulator = await TestEmulator.StartAsync(o => o.TokensPerSecond = 40);

        var responses = await SendAsync(emulator, 3);
        emulator.Advance(1);
        var later = await emulator.ChatAsync();

        Assert.Equal([200, 200, 429], responses.Select(r => (int)r.StatusCode));
        Assert.Equal("dynamic_token_limited", (await responses[2].JsonAsync()).Error().GetProperty("type").GetString());
        Assert.Equal("1", responses[2].Header("x-ratelimit-reset"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(1, emulator.State.GetStats().TokenLimited);
    }

    [Fact]
    public async Task LimitZero_MeansUnlimited()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 0);

        var responses = await SendAsync(emulator, 30);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private static async Task<System.Collections.Generic.List<System.Net.Http.HttpResponseMessage>> SendAsync(
        TestEmulator emulator, int count, string model = TestEmulator.Model, string key = TestEmulator.Key)
    {
        var responses = new System.Collections.Generic.List<System.Net.Http.HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await emulator.ChatAsync(key: key, model: model));
        }

        return responses;
    }
}
