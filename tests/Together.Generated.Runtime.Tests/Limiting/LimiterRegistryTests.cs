using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

public sealed class LimiterRegistryTests
{
    private readonly FakeTimeProvider _clock = TestClient.NewClock();

    [Fact]
    public async Task AcquireAsync_TokenBucketEmpty_WaitsForSmoothRefillOnFakeClock()
    {
        // 60 a minute is one a second: the second call may not go out in the same second.
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 60 });
        var endpoint = Endpoint("rpm");
        (await registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken)).Dispose();

        var second = registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        var waitedBeforeRefill = !second.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();

        Assert.True(waitedBeforeRefill);
        Assert.Equal(2, registry.GetStatistics("rpm")!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_TokenBucketWithBurst_LetsBurstThroughAtOnce()
    {
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 60, Burst = 3 });

        for (var i = 0; i < 3; i++)
        {
            var lease = registry.AcquireAsync(Endpoint("rpm"), null, TestContext.Current.CancellationToken);
            Assert.True(lease.IsCompleted);
            (await lease).Dispose();
        }

        Assert.Equal(0, registry.GetStatistics("rpm")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task AcquireAsync_SlidingWindowFull_WaitsUntilWindowSlides()
    {
        using var registry = Registry(new LimiterDefinition
        {
            Name = "window", Kind = LimiterKind.SlidingWindow, RunAt = 2, Window = TimeSpan.FromSeconds(10),
        });
        var endpoint = Endpoint("window");
        (await registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken)).Dispose();
        (await registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken)).Dispose();

        var third = registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(9));
        var waitedInWindow = !third.IsCompleted;
        await _clock.Drive(third, TimeSpan.FromSeconds(1), maxSteps: 3);

        Assert.True(waitedInWindow);
    }

    [Fact]
    public async Task AcquireAsync_ConcurrencyLimitReached_WaitsForRelease()
    {
        using var registry = Registry(
            new LimiterDefinition { Name = "jobs", Kind = LimiterKind.Concurrency, RunAt = 1 });
        var first = await registry.AcquireAsync(Endpoint("jobs"), null, TestContext.Current.CancellationToken);

        var second = registry.AcquireAsync(Endpoint("jobs"), null, TestContext.Current.CancellationToken).AsTask();
        var waited = !second.IsCompleted;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waited);
        Assert.Equal(1, registry.GetStatistics("jobs")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task AcquireAsync_JobSlotsLimiter_NotTakenByTheHttpCall()
    {
        using var registry = Registry(new LimiterDefinition { Name = "jobs", Kind = LimiterKind.JobSlots, RunAt = 1 });

        // A job holds its slot from creation until it finishes on the server; JobSlotGate counts those, so the
        // registry must not also count each HTTP call against the same budget.
        using var first = await registry.AcquireAsync(Endpoint("jobs"), null, TestContext.Current.CancellationToken);
        var second = registry.AcquireAsync(Endpoint("jobs"), null, TestContext.Current.CancellationToken);

        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
        Assert.Null(registry.GetStatistics("jobs"));
    }

    [Fact]
    public async Task AcquireAsync_CancelledOnSecondLimiter_ReleasesFirst()
    {
        using var registry = Registry(
            new LimiterDefinition { Name = "in-flight", Kind = LimiterKind.Concurrency, RunAt = 1 },
            new LimiterDefinition { Name = "rpm", RunAt = 60 });
        var endpoint = Endpoint("in-flight", "rpm");
        (await registry.AcquireAsync(endpoint, null, TestContext.Current.CancellationToken)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = registry.AcquireAsync(endpoint, null, cancel.Token).AsTask();
        var heldWhileWaiting = registry.GetStatistics("in-flight")!.CurrentAvailablePermits;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, heldWhileWaiting);
        Assert.Equal(1, registry.GetStatistics("in-flight")!.CurrentAvailablePermits);
        Assert.Equal(0, registry.GetStatistics("rpm")!.CurrentQueuedCount);
    }

    [Fact]
    public async Task AcquireAsync_CancelledTokenWithPermitsFree_IsCancelledAndTakesNone()
    {
        // Free permits are granted without waiting, but a call already cancelled must still fail, as it would in the
        // limiter's own AcquireAsync.
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 60 });
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => registry.AcquireAsync(Endpoint("rpm"), null, cancel.Token).AsTask());

        Assert.Equal(0, registry.GetStatistics("rpm")!.TotalSuccessfulLeases);
        Assert.Equal(1, registry.GetStatistics("rpm")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task AcquireAsync_FirstFreeSecondEmpty_HoldsFirstAndWaitsForSecond()
    {
        using var registry = Registry(
            new LimiterDefinition { Name = "key", RunAt = 600, Burst = 10 },
            new LimiterDefinition { Name = "rpm", RunAt = 60 });
        (await registry.AcquireAsync(Endpoint("rpm"), null, Token)).Dispose();

        // The key bucket grants at once; the empty rpm bucket makes the call wait, counted as neither a grant nor a
        // failure until its refill.
        var waiting = registry.AcquireAsync(Endpoint("key", "rpm"), null, Token).AsTask();
        var keyGrants = registry.GetStatistics("key")!.TotalSuccessfulLeases;
        var queued = registry.GetStatistics("rpm")!.CurrentQueuedCount;
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await waiting).Dispose();

        Assert.Equal(1, keyGrants);
        Assert.Equal(1, queued);
        Assert.Equal(0, registry.GetStatistics("rpm")!.TotalFailedLeases);
        Assert.Equal(2, registry.GetStatistics("rpm")!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_QueueFull_ThrowsRateLimitedNamingLimiter()
    {
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 60, QueueLimit = 0 });
        (await registry.AcquireAsync(Endpoint("rpm"), null, TestContext.Current.CancellationToken)).Dispose();

        var error = await Assert.ThrowsAsync<RateLimitedException>(
            () => registry.AcquireAsync(Endpoint("rpm"), null, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("rpm", error.LimiterName);
        Assert.Null(error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task AcquireAsync_PerModelBudget_OverridesRunAtForThatModelOnly()
    {
        var definition = new LimiterDefinition { Name = "rpm", Scope = PartitionScope.Model, RunAt = 60 };
        definition.Models["big-model"] = 300;
        using var registry = Registry(definition);

        (await registry.AcquireAsync(Endpoint("rpm"), new ModelRequest { Model = "big-model" }, Token)).Dispose();
        (await registry.AcquireAsync(Endpoint("rpm"), new ModelRequest { Model = "small-model" }, Token)).Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(200));

        // 300 a minute refills in 0.2 s; 60 a minute needs a second.
        Assert.Equal(1, registry.GetStatistics("rpm", model: "big-model")!.CurrentAvailablePermits);
        Assert.Equal(0, registry.GetStatistics("rpm", model: "small-model")!.CurrentAvailablePermits);
        Assert.Null(registry.GetStatistics("rpm", model: "unused-model"));
    }

    [Fact]
    public async Task AcquireAsync_TokenUnit_ChargesMaxTokensClampedToCapacity()
    {
        using var registry = Registry(new LimiterDefinition { Name = "tpm", Unit = LimitUnit.Tokens, RunAt = 60_000 });

        (await registry.AcquireAsync(Endpoint("tpm"), new ModelRequest { MaxTokens = 250 }, Token)).Dispose();

        Assert.Equal(750, registry.GetStatistics("tpm")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task SendAsync_AnyCall_PartitionNamedByFingerprintNotKey()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.OK, """{"id":"t1"}""");
        var limits = TestClient.Limits(new LimiterDefinition { Name = "rpm", RunAt = 60 });
        using var core = TestClient.Create(server, _clock, limits);

        await core.SendAsync(TestClient.Post("rpm"), TestJson.Default.Thing, TestContext.Current.CancellationToken);

        var partition = Assert.Single(core.Limiters.PartitionNames);
        Assert.Contains(KeyFingerprint.Of(TestClient.ApiKey), partition);
        Assert.DoesNotContain(TestClient.ApiKey, partition);
    }

    [Fact]
    public void GetStatistics_PartitionNeverUsed_ReturnsNull()
    {
        using var registry = Registry(new LimiterDefinition { Name = "rpm", RunAt = 60 });

        Assert.Null(registry.GetStatistics("rpm"));
        Assert.Null(registry.GetStatistics("unknown"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static EndpointDescriptor Endpoint(params string[] limiters) =>
        TestClient.Endpoint(limiters: limiters);

    private LimiterRegistry Registry(params LimiterDefinition[] limiters) =>
        new(TestClient.Limits(limiters), _clock, KeyFingerprint.Of(TestClient.ApiKey));
}
