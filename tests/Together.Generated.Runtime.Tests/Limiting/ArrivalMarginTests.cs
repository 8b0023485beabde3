using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// On the system clock the one-second guard holds each request's place a margin past its second: the server counts
/// from arrival, and requests sent a second apart arrive a varying few milliseconds apart.
/// </summary>
public sealed class ArrivalMarginTests
{
    private readonly FakeTimeProvider _clock = TestClient.NewClock();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArrivalMargin_Set_SecondsShareFreesOnlyAfterTheMargin()
    {
        using var bucket = Bucket(share: 2, margin: TimeSpan.FromMilliseconds(50));
        using var first = await bucket.AcquireAsync(1, Token);
        using var second = await bucket.AcquireAsync(1, Token);

        _clock.Advance(TimeSpan.FromMilliseconds(1049));
        using var early = bucket.AttemptAcquire(1);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        using var onTime = bucket.AttemptAcquire(1);

        Assert.False(early.IsAcquired);
        Assert.True(onTime.IsAcquired);
    }

    [Fact]
    public async Task ArrivalMargin_None_SecondsShareFreesAtTheSecond()
    {
        using var bucket = Bucket(share: 2, margin: TimeSpan.Zero);
        using var first = await bucket.AcquireAsync(1, Token);
        using var second = await bucket.AcquireAsync(1, Token);

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var atOneSecond = bucket.AttemptAcquire(1);

        Assert.True(atOneSecond.IsAcquired);
    }

    [Fact]
    public void Margin_NotSet_TenMillisecondsOnTheSystemClockAndNoneOnAnother()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), LimiterFactory.Margin(null, TimeProvider.System));
        Assert.Equal(TimeSpan.Zero, LimiterFactory.Margin(null, _clock));
        Assert.Equal(TimeSpan.FromMilliseconds(3), LimiterFactory.Margin(TimeSpan.FromMilliseconds(3), _clock));
        Assert.Equal(TimeSpan.Zero, LimiterFactory.Margin(TimeSpan.FromMilliseconds(-5), TimeProvider.System));
    }

    [Fact]
    public async Task ArrivalMargin_FromTheLimits_ReachesTheRegistrysBuckets()
    {
        var limits = new TogetherLimits { ArrivalMargin = TimeSpan.FromMilliseconds(200) };
        limits.Limiters["rps"] = new LimiterDefinition { Name = "rps", RunAt = 60, Window = TimeSpan.FromMinutes(1) };
        using var registry = new LimiterRegistry(limits, _clock, "fp");
        var endpoint = TestClient.Endpoint(limiters: ["rps"]);
        (await registry.AcquireAsync(endpoint, null, Token)).Dispose();

        _clock.Advance(TimeSpan.FromSeconds(1.1));
        var early = registry.GetStatistics("rps")!.CurrentAvailablePermits;
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var late = registry.GetStatistics("rps")!.CurrentAvailablePermits;

        Assert.Equal((0, 1), (early, late));
    }

    // A bucket whose refill never binds (a burst of `share`, four times the share a second): only the guard acts.
    private ClockedTokenBucketLimiter Bucket(int share, TimeSpan margin) =>
        new(_clock, idleCapacity: share, secondShare: share, budget: share * 60 * 4, window: TimeSpan.FromMinutes(1),
            queueLimit: 10, arrivalMargin: margin);
}
