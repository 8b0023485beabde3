using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

public sealed class HeadersAndCapacityTests
{
    [Fact]
    public async Task HeaderMode_PutsPerSecondLimitsOnEveryResponse()
    {
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.RequestsPerSecond = 3;
            o.TokensPerSecond = 100;
            o.SendRateLimitHeaders = true;
        });

        var first = await emulator.ChatAsync();
        emulator.Advance(0.25);
        var second = await emulator.ChatAsync();

        Assert.Equal("3", first.Header("x-ratelimit-limit"));
        Assert.Equal("2", first.Header("x-ratelimit-remaining"));
        Assert.Equal("1", first.Header("x-ratelimit-reset"));
        Assert.Equal("100", first.Header("x-tokenlimit-limit"));
        Assert.Equal("85", first.Header("x-tokenlimit-remaining"));
        Assert.Equal("1", second.Header("x-ratelimit-remaining"));
        Assert.Equal("0.75", second.Header("x-ratelimit-reset"));
        Assert.Equal("70", second.Header("x-tokenlimit-remaining"));
    }

    [Fact]
    public async Task WithoutHeaderMode_OnlyRefusalsCarryTheReset()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RequestsPerSecond = 1);

        var accepted = await emulator.ChatAsync();
        var refused = await emulator.ChatAsync();

        Assert.Equal("", accepted.Header("x-ratelimit-limit"));
        Assert.Equal("", accepted.Header("x-ratelimit-reset"));
        Assert.Equal("", refused.Header("x-ratelimit-limit"));
        Assert.Equal("1", refused.Header("x-ratelimit-reset"));
    }

    [Fact]
    public async Task MaxConcurrentRequests_AnswersOverloaded503()
    {
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.MaxConcurrentRequests = 2;
            o.Latency = TimeSpan.FromSeconds(1);
        });
        var slow = new[] { emulator.ChatAsync(), emulator.ChatAsync() };
        await emulator.WaitForClockWaitersAsync(2);

        var third = await emulator.ChatAsync();
        emulator.Advance(1);
        var done = await Task.WhenAll(slow);
        var after = emulator.ChatAsync();
        await emulator.WaitForClockWaitersAsync(1);
        emulator.Advance(1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        var error = (await third.JsonAsync()).Error();
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        Assert.Contains("overloaded", error.GetProperty("message").GetString());
        Assert.All(done, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await after).StatusCode);
        var stats = emulator.State.GetStats();
        Assert.Equal(2, stats.PeakConcurrentRequests);
        Assert.Equal(1, stats.Overloaded);
    }

    [Fact]
    public async Task CapacityPerSecond_IsSharedAcrossKeys_AndRefusalsDoNotCount()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.CapacityPerSecond = 3);

        var a = await emulator.ChatAsync(key: "a");
        var b = await emulator.ChatAsync(key: "b");
        var c = await emulator.ChatAsync(key: "c");
        var d = await emulator.ChatAsync(key: "d");
        emulator.Advance(1);
        var later = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => emulator.ChatAsync(key: "e" + i)));

        Assert.Equal([200, 200, 200, 503], new[] { a, b, c, d }.Select(r => (int)r.StatusCode));
        Assert.Equal("server_error", (await d.JsonAsync()).Error().GetProperty("type").GetString());
        Assert.All(later, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, emulator.State.GetStats().PeakAcceptedPerSecond);
    }

    [Fact]
    public async Task RateLimit_IsCheckedBeforeCapacity()
    {
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.RequestsPerSecond = 1;
            o.CapacityPerSecond = 1;
        });

        await emulator.ChatAsync();
        var sameKey = await emulator.ChatAsync();
        var otherKey = await emulator.ChatAsync(key: "other");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameKey.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, otherKey.StatusCode);
    }
}
