using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Models;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>
/// A tokens-per-minute budget beside the request budgets: calls reserve an estimate up front and settle against the
/// usage the emulator reports, streams included.
/// </summary>
public sealed class TokenBudgetTests
{
    private const string Model = QuickstartRun.DefaultModel;
    private const int TokensPerMinute = 6000;

    [Fact]
    public async Task LongPrompts_PacedByTokensNotRequests_SettledTotalEqualsReportedUsage()
    {
        await using var rig = await StartAsync();
        var usage = new ConcurrentBag<int>();
        var prompt = string.Concat(Enumerable.Repeat("context ", 250));

        var calls = Enumerable.Range(1, 40).Select(async i =>
        {
            var answer = await rig.Client.Core.SendAsync(
                Chat.Request(["chat_tokens"]).WithJsonBody(
                    Chat.Ask($"#{i} {prompt}", maxTokens: 50), TogetherJson.TypeInfo<ChatCompletionRequest>()),
                TogetherJson.TypeInfo<ChatCompletionResponse>(), TestContext.Current.CancellationToken);
            usage.Add((int)answer.Usage!.TotalTokens);
        });
        await rig.DriveAsync(AllAsync(calls), TimeSpan.FromMilliseconds(100), maxSteps: 20_000, settle: false);

        var totals = rig.Client.Core.Limiters.GetTokenTotals("chat_tokens", Model)!;
        var seconds = (rig.Attempts.All[^1].At - rig.Attempts.All[0].At).TotalSeconds;
        Assert.Equal(40, usage.Count);
        var callsPerMinute = 39 / seconds * 60;
        var tokensPerMinute = (totals.Settled - usage.Last()) / seconds * 60;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"40 calls in {seconds:F1} s: {callsPerMinute:F1} calls/min against a request budget of 600; "
            + $"{tokensPerMinute:F0} tokens/min against {TokensPerMinute}; reserved {totals.Reserved}, "
            + $"settled {totals.Settled}, reported {usage.Sum()}");
        Assert.Equal(usage.Sum(), totals.Settled);
        Assert.True(totals.Reserved > totals.Settled, "the estimates should reserve more than was used");
        Assert.True(callsPerMinute * 3 <= 600, $"{callsPerMinute:F1} calls a minute is not paced by tokens");
        Assert.InRange(tokensPerMinute, 0.8 * TokensPerMinute, 1.05 * TokensPerMinute);
        Assert.Equal(0, rig.State.GetStats().RateLimited);
    }

    [Fact]
    public async Task TokenLimitStatedByTheServer_AdaptiveBudgetFollowsItBelowTheFilesFigure()
    {
        const int ServerTokensPerSecond = 100;
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions
            {
                RequestsPerSecond = 100,
                TokensPerSecond = ServerTokensPerSecond,
                SendRateLimitHeaders = true,
            },
            requestsPerMinute: null,
            limiterToSettle: ("chat_tokens", Model),
            configure: o => o.ConfigureLimits = limits =>
            {
                limits.Adaptive.Enabled = true;
                limits.Limiters["chat_tokens"] = Tokens(2 * TokensPerMinute);
            });
        var prompt = string.Concat(Enumerable.Repeat("context ", 250));
        var usage = new ConcurrentBag<int>();

        var calls = Enumerable.Range(1, 20).Select(async i =>
        {
            var answer = await rig.Client.Core.SendAsync(
                Chat.Request(["chat_tokens"]).WithJsonBody(
                    Chat.Ask($"#{i} {prompt}", maxTokens: 50), TogetherJson.TypeInfo<ChatCompletionRequest>()),
                TogetherJson.TypeInfo<ChatCompletionResponse>(), TestContext.Current.CancellationToken);
            usage.Add((int)answer.Usage!.TotalTokens);
        });
        await rig.DriveAsync(AllAsync(calls), TimeSpan.FromMilliseconds(100), maxSteps: 20_000, settle: false);

        var rate = rig.Client.Core.Limiters.GetEffectiveRates().Single(r => r.Partition.StartsWith("chat_tokens|"));
        var seconds = (rig.Attempts.All[^1].At - rig.Attempts.All[0].At).TotalSeconds;
        var tokensPerSecond = (usage.Sum() - usage.Last()) / seconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"token budget {rate.PerMinute / 60:F0}/s of the file's {rate.ConfiguredPerMinute / 60:F0}/s; achieved "
            + $"{tokensPerSecond:F1} tokens/s against the server's {ServerTokensPerSecond}/s; "
            + $"{rig.State.GetStats().TokenLimited} token 429s");
        Assert.Equal(ServerTokensPerSecond * 60, rate.PerMinute, 6);
        Assert.InRange(tokensPerSecond, 0.8 * ServerTokensPerSecond, 1.05 * ServerTokensPerSecond);
        Assert.True(rig.State.GetStats().TokenLimited <= 1, $"{rig.State.GetStats().TokenLimited} token 429s");
    }

    [Fact]
    public async Task Stream_UsageOnTheFinalChunk_SettlesWhenTheStreamEnds()
    {
        await using var rig = await StartAsync();
        var request = Chat.Ask(string.Concat(Enumerable.Repeat("word ", 40)), maxTokens: 50);
        request.Stream = true;
        var chunks = new List<ChatCompletionChunk>();

        await rig.DriveAsync(ReadAllAsync(rig, request, chunks), TimeSpan.FromMilliseconds(100), maxSteps: 200);

        var reported = chunks.Last(c => c.Usage is not null).Usage!.TotalTokens;
        var totals = rig.Client.Core.Limiters.GetTokenTotals("chat_tokens", Model)!;
        Assert.Equal(reported, totals.Settled);
        Assert.True(totals.Reserved > totals.Settled);
    }

    private static async Task<bool> AllAsync(IEnumerable<Task> calls)
    {
        await Task.WhenAll(calls);
        return true;
    }

    private static async Task<bool> ReadAllAsync(
        FakeClockRig rig, ChatCompletionRequest request, List<ChatCompletionChunk> chunks)
    {
        var stream = rig.Client.Core.StreamAsync(
            Chat.Request(["chat_tokens"]).WithJsonBody(request, TogetherJson.TypeInfo<ChatCompletionRequest>()),
            TogetherJson.TypeInfo<ChatCompletionChunk>(), TestContext.Current.CancellationToken);
        await foreach (var chunk in stream)
        {
            chunks.Add(chunk);
        }

        return true;
    }

    private static Task<FakeClockRig> StartAsync() =>
        FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = 100 },
            requestsPerMinute: null,
            limiterToSettle: ("chat_tokens", Model),
            configure: o => o.ConfigureLimits = limits => limits.Limiters["chat_tokens"] = Tokens(TokensPerMinute));

    private static LimiterDefinition Tokens(int perMinute) => new()
    {
        Name = "chat_tokens",
        Unit = LimitUnit.Tokens,
        Scope = PartitionScope.Model,
        Budget = perMinute,
    };
}
