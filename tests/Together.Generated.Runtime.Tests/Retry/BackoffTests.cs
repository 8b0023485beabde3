using System;

namespace Together.Generated.Runtime.Tests;

public sealed class BackoffTests
{
    private static readonly RetryPolicyDefinition Policy = new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        Jitter = 0.25,
    };

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(4, 10)]
    [InlineData(200, 10)]
    public void Delay_NoJitterDrawn_DoublesUpToMaxDelay(int retry, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Delay(Policy, retry, random: 0));

    [Fact]
    public void Delay_FullJitterDrawn_TakesOffTheJitterShare() =>
        Assert.Equal(TimeSpan.FromSeconds(1.5), Backoff.Delay(Policy, 1, random: 1));

    [Fact]
    public void StatusAllowsRetry_NeverRetriedStatusInRetryOn_IsRefused()
    {
        var policy = new RetryPolicyDefinition();
        policy.RetryOn.Add(401);

        Assert.False(RetryClassifier.StatusAllowsRetry(401, policy, shouldRetryHeader: null));
        Assert.True(RetryClassifier.StatusAllowsRetry(401, policy, shouldRetryHeader: true));
        Assert.False(RetryClassifier.StatusAllowsRetry(503, policy, shouldRetryHeader: false));
    }
}
