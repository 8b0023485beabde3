using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>How the rate limiters shape traffic: exact windows, smooth starts, never a second over its share.</summary>
public sealed class LimiterShapeTests
{
    private readonly FakeTimeProvider _clock = TestClient.NewClock();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlidingWindow_GrantsFreeExactlyOneWindowLaterNotAtASegmentBoundary()
    {
        using var registry = Registry(new LimiterDefinition
        {
            Name = "window", Kind = LimiterKind.SlidingWindow, RunAt = 5, Window = TimeSpan.FromSeconds(1),
        });
        await Take(registry, "window", 3);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        await Take(registry, "window", 2);

        _clock.Advance(TimeSpan.FromMilliseconds(400) - TimeSpan.FromTicks(1));
        var justBefore = registry.GetStatistics("window")!.CurrentAvailablePermits;
        _clock.Advance(TimeSpan.FromTicks(1));
        var atOneSecond = registry.GetStatistics("window")!.CurrentAvailablePermits;
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        var atOnePointSix = registry.GetStatistics("window")!.CurrentAvailablePermits;

        Assert.Equal((0, 3, 5), (justBefore, atOneSecond, atOnePointSix));
    }

    [Fact]
    public async Task TokenBucket_AfterAnIdleSpell_LetsOneCallGoThenSpacesTheRest()
    {
        // 600 a minute: after a long quiet spell still one at once, then one every 0.1 s, never a burst of ten.
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 600 });
        _clock.Advance(TimeSpan.FromMinutes(5));

        var first = registry.AcquireAsync(Endpoint("rpm"), null, Token);
        var second = registry.AcquireAsync(Endpoint("rpm"), null, Token).AsTask();
        var firstAtOnce = first.IsCompleted;
        (await first).Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        var secondEarly = second.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();

        Assert.True(firstAtOnce);
        Assert.False(secondEarly);
    }

    [Fact]
    public void TokenBucket_RefillsLateUnderABacklog_CatchesUpButNeverGrantsMoreThanTheSecondsShare()
    {
        // The clock jumps 2.5 s at once while 40 callers queue at ten a second: the late refill is not lost, but
        // no one-second window gets more than ten. The limiter itself, so that grants complete synchronously.
        using var bucket = new ClockedTokenBucketLimiter(
            _clock, idleCapacity: 1, secondShare: 10, budget: 600, window: TimeSpan.FromMinutes(1), queueLimit: 100);
        var waiters = new ValueTask<System.Threading.RateLimiting.RateLimitLease>[40];
        for (var i = 0; i < waiters.Length; i++)
        {
            waiters[i] = bucket.AcquireAsync(1, Token);
        }

        var grantedAtOnce = Array.FindAll(waiters, w => w.IsCompleted).Length;
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        var grantedAfterJump = Array.FindAll(waiters, w => w.IsCompleted).Length;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var grantedASecondLater = Array.FindAll(waiters, w => w.IsCompleted).Length;

        Assert.Equal(1, grantedAtOnce);
        Assert.Equal(11, grantedAfterJump);
        Assert.Equal(21, grantedASecondLater);
    }

    private static EndpointDescriptor Endpoint(string limiter) => TestClient.Endpoint(limiters: [limiter]);

    private async Task Take(LimiterRegistry registry, string limiter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await registry.AcquireAsync(Endpoint(limiter), null, Token)).Dispose();
        }
    }

    private LimiterRegistry Registry(params LimiterDefinition[] limiters) =>
        new(TestClient.Limits(limiters), _clock, KeyFingerprint.Of(TestClient.ApiKey));
}
