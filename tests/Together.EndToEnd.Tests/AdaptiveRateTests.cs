using System;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>
/// The adaptive rate against the emulator on a fake clock: the limits file claims more than the server allows, or
/// the server changes its limit mid-run, and the client must find and follow the real limit.
/// </summary>
public sealed class AdaptiveRateTests
{
    private const string Model = QuickstartRun.DefaultModel;

    [Fact]
    public async Task Load_FileClaimsTwiceTheServersLimitOnlyResetSent_FewRefusalsAndNearTheRealLimit()
    {
        const int ServerPerSecond = 5;
        await using var rig = await StartAsync(ServerPerSecond, fileRpm: 600, sendHeaders: false);

        var result = await rig.DriveAsync(Load(rig, 600), TimeSpan.FromMilliseconds(50), maxSteps: 6000);

        var (sent, ok, limited) = rig.Attempts.Between(rig.Started.AddSeconds(2), DateTimeOffset.MaxValue);
        var seconds = (rig.Attempts.All[^1].At - rig.Started.AddSeconds(2)).TotalSeconds;
        var goodput = ok / seconds;
        Report($"after 2 s: {sent} attempts, {limited} 429s ({100.0 * limited / sent:F2} %), goodput {goodput:F2}/s "
            + $"of {ServerPerSecond}/s ({100 * goodput / ServerPerSecond:F1} %)", rig);
        Assert.Equal(600, result.Succeeded);
        Assert.True(limited <= 0.02 * sent, $"{limited} 429s of {sent}");
        Assert.True(goodput >= 0.9 * ServerPerSecond, $"goodput {goodput:F2}/s");
    }

    [Theory]
    [InlineData(false, 5, 30)]
    [InlineData(true, 2, 2)]
    public async Task Load_ServerHalvesThenRestoresTheLimit_ClientFollowsBothWays(
        bool sendHeaders, int downWithin, int upWithin)
    {
        const int Full = 10;
        const int Half = 5;
        var (halveAt, restoreAt, end) = (40, 80, 120);
        await using var rig = await StartAsync(Full, fileRpm: 1200, sendHeaders);
        var work = Load(rig, 5000);
        var current = Full;

        await rig.DriveAsync(RunUntil(rig, work, end), TimeSpan.FromMilliseconds(50), maxSteps: 4000, elapsed =>
        {
            var limit = elapsed.TotalSeconds >= restoreAt ? Full : elapsed.TotalSeconds >= halveAt ? Half : Full;
            if (limit != current)
            {
                current = limit;
                rig.State.UpdateOptions(o => o.ModelRequestsPerSecond[Model] = limit);
            }
        });

        // "Below the limit": the first second from which three seconds in a row each sent no more than it; "back
        // above 90 %": the first from which three in a row each got at least 90 % of it answered.
        var all = rig.Attempts.Between(rig.Started, rig.Started.AddSeconds(end));
        var down = FirstRun(rig, halveAt, restoreAt, s => s.Sent <= Half) - halveAt;
        var up = FirstRun(rig, restoreAt, end, s => s.Ok >= 0.9 * Full) - restoreAt;
        Report($"headers {sendHeaders}: {all.Sent} attempts, {all.RateLimited} 429s "
            + $"({100.0 * all.RateLimited / all.Sent:F2} %); below the halved limit after {down} s, back above 90 % "
            + $"of the restored one after {up} s", rig);
        Assert.True(down <= downWithin, $"below the halved limit only after {down} s");
        Assert.True(up <= upWithin, $"back above 90 % only after {up} s");
        Assert.True(all.RateLimited <= 0.03 * all.Sent, $"{all.RateLimited} 429s of {all.Sent}");
    }

    [Fact]
    public async Task Load_ServerAnswers503_BacksOffWithoutLoweringTheRate()
    {
        await using var rig = await StartAsync(10, fileRpm: 600, sendHeaders: false);
        rig.State.UpdateOptions(o => o.Faults.Add(new FaultRule { Status = 503, Rate = 0.2 }));

        await rig.DriveAsync(Load(rig, 200), TimeSpan.FromMilliseconds(50), maxSteps: 4000);

        var rate = Assert.Single(rig.Client.Core.Limiters.GetEffectiveRates(), r => r.Partition.Contains(Model));
        Assert.True(rig.State.GetStats().Overloaded > 0);
        Assert.Equal(600, rate.PerMinute, 6);
    }

    [Fact]
    public void EffectiveRates_NeverNameTheKey()
    {
        Assert.DoesNotContain(FakeClockRig.Key, string.Join(",", EffectiveRatesOfAColdClient()));
    }

    private static string[] EffectiveRatesOfAColdClient()
    {
        var options = new TogetherClientOptions
        {
            ApiKey = FakeClockRig.Key,
            BaseUrl = new Uri("http://127.0.0.1/v1"),
            ConfigureLimits = l => l.Adaptive.Enabled = true,
        };
        using var client = new TogetherClient(new System.Net.Http.HttpClient(), options);
        _ = client.Core.Limiters.GetStatistics("chat", Model);
        return client.Core.Limiters.GetEffectiveRates().Select(r => r.Partition).ToArray();
    }

    private static Task<FakeClockRig> StartAsync(int serverPerSecond, int fileRpm, bool sendHeaders) =>
        FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = serverPerSecond, SendRateLimitHeaders = sendHeaders },
            requestsPerMinute: fileRpm,
            configure: o => o.ConfigureLimits += limits => limits.Adaptive.Enabled = true);

    private static Task<LoadResult> Load(FakeClockRig rig, int calls) =>
        LoadRunner.RunAsync(rig.Client, rig.Counter, new LoadSettings(calls, 32, Model), rig.Clock, null,
            TestContext.Current.CancellationToken);

    // Ends the drive at a fixed fake time, whatever is still queued: the figures are per second of the run.
    private static async Task<bool> RunUntil(FakeClockRig rig, Task work, int seconds)
    {
        while (!work.IsCompleted && rig.Clock.GetUtcNow() < rig.Started.AddSeconds(seconds))
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return true;
    }

    private static int FirstRun(
        FakeClockRig rig, int from, int to, Func<(int Sent, int Ok, int RateLimited), bool> holds)
    {
        bool Second(int t) => holds(rig.Attempts.Between(rig.Started.AddSeconds(t), rig.Started.AddSeconds(t + 1)));
        return Enumerable.Range(from, to - from - 2).FirstOrDefault(t => Second(t) && Second(t + 1) && Second(t + 2),
            int.MaxValue / 2);
    }

    private static void Report(string line, FakeClockRig rig) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            line + "; rates now: " + string.Join(", ", rig.Client.Core.Limiters.GetEffectiveRates()
                .Select(r => $"{r.PerMinute:F0}/{r.ConfiguredPerMinute:F0} per min")));
}
