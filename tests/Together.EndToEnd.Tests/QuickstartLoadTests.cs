using System;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>
/// The quickstart's load, exactly as the program runs it (<see cref="LoadRunner"/> over the client generated from
/// spec/), against the emulator in-process on a fake clock.
/// </summary>
public sealed class QuickstartLoadTests
{
    private const string Model = QuickstartRun.DefaultModel;

    [Fact]
    public async Task Load_BudgetsOverriddenToTheServersLimit_AllSucceedFewRefusalsAtLeast90PercentOfTheLimit()
    {
        const int PerSecond = 20;
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = PerSecond, ApiKeys = { FakeClockRig.Key } },
            requestsPerMinute: PerSecond * 60);
        var settings = new LoadSettings(Requests: 600, Concurrency: 32, Model);

        var result = await rig.DriveAsync(
            LoadRunner.RunAsync(rig.Client, rig.Counter, settings, rig.Clock, null,
                TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(50),
            maxSteps: 4000);

        var stats = rig.State.GetStats();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"succeeded {result.Succeeded}, 429s {result.RateLimited}, rate {result.AchievedPerSecond:F2}/s, "
            + $"peak accepted {stats.PeakAcceptedPerSecond}/s");
        Assert.Equal(600, result.Succeeded);
        Assert.Equal(0, result.FailedCount);
        Assert.InRange(result.RateLimited, 0, 6);
        Assert.Equal(result.RateLimited, stats.RateLimited);
        Assert.True(result.AchievedPerSecond >= 0.9 * PerSecond, $"achieved {result.AchievedPerSecond:F2}/s");
        Assert.Equal(PerSecond, result.BudgetPerSecond, 6);
    }

    [Fact]
    public async Task Load_DefaultLimitsFileUnderARoomierServer_NoRefusalAtLeast90PercentOfTheFilesBudget()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = 100, ApiKeys = { FakeClockRig.Key } },
            requestsPerMinute: null);
        var settings = new LoadSettings(Requests: 300, Concurrency: 32, Model);

        var result = await rig.DriveAsync(
            LoadRunner.RunAsync(rig.Client, rig.Counter, settings, rig.Clock, null,
                TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100),
            maxSteps: 4000);

        // The default file runs chat at 500 a minute of its 600 budget, per model and key-wide alike.
        var fileBudget = 500 / 60.0;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"succeeded {result.Succeeded}, 429s {result.RateLimited}, rate {result.AchievedPerSecond:F2}/s");
        Assert.Equal(fileBudget, result.BudgetPerSecond, 6);
        Assert.Equal(300, result.Succeeded);
        Assert.Equal(0, result.RateLimited);
        Assert.Equal(0, rig.State.GetStats().RateLimited);
        Assert.True(result.AchievedPerSecond >= 0.9 * fileBudget, $"achieved {result.AchievedPerSecond:F2}/s");
        Assert.True(result.AchievedPerSecond <= fileBudget * 1.05, $"achieved {result.AchievedPerSecond:F2}/s");
    }
}
