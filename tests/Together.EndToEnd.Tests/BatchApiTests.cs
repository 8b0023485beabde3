using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Models;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>The generated <c>RunBatchAsync</c> and <c>RunBatchFileAsync</c> against the emulator's Batch API.</summary>
public sealed class BatchApiTests
{
    private const string Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    private const string Endpoint = "/v1/chat/completions";

    [Fact]
    public async Task RunBatch_FiftyChatRequests_TypedResultsByCustomIdAfterPolling()
    {
        await using var rig = await StartAsync();
        var requests = Enumerable.Range(1, 50)
            .Select(i => new BatchItem<ChatCompletionRequest>($"req-{i}", Chat.Ask($"question {i}")))
            .ToArray();
        var states = new List<BatchState>();

        var outcome = await rig.DriveAsync(
            rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
                requests, Endpoint, progress: new InlineProgress<BatchState>(states.Add),
                cancellationToken: TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(500),
            maxSteps: 400);

        Assert.Equal("COMPLETED", outcome.Batch.Status);
        Assert.Empty(outcome.Missing);
        Assert.Equal(50, outcome.Results.Count);
        var seventh = outcome.Results["req-7"];
        Assert.True(seventh.Succeeded);
        Assert.Equal(200, seventh.StatusCode);
        Assert.Contains("question 7", seventh.Response!.Choices[0].Message!.Content, StringComparison.Ordinal);
        Assert.Contains(states, s => s.Status == "IN_PROGRESS");
        var stats = rig.State.GetStats();
        Assert.Equal(1, stats.RequestsByEndpoint["POST /files/upload"]);
        Assert.Equal(1, stats.RequestsByEndpoint["POST /batches"]);

        // Pauses grow (5 s, 10 s, ...): a ten-second job needs only a few status checks.
        Assert.InRange(stats.RequestsByEndpoint["GET /batches/{id}"], 2, 4);
    }

    [Fact]
    public async Task RunBatch_MoreRequestsThanTheFileAllows_RefusedBeforeAnyUpload()
    {
        await using var rig = await StartAsync();
        var requests = Enumerable.Range(1, 101)
            .Select(i => new BatchItem<ChatCompletionRequest>($"req-{i}", Chat.Ask("q")));

        var error = await Assert.ThrowsAsync<BatchLimitException>(() =>
            rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
                requests, Endpoint, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("max_requests_per_batch", error.Limit);
        Assert.Equal(100, error.Allowed);
        Assert.Equal(0, rig.State.GetStats().TotalRequests);
    }

    [Fact]
    public async Task RunBatchFile_150MegabyteFile_RefusedBeforeAnyUpload()
    {
        await using var rig = await StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"batch-150mb-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var file = File.Create(path))
            {
                file.SetLength(150L * 1024 * 1024);
            }

            var error = await Assert.ThrowsAsync<BatchLimitException>(() =>
                rig.Client.Batches.RunBatchFileAsync<ChatCompletionResponse>(
                    path, Endpoint, cancellationToken: TestContext.Current.CancellationToken));

            Assert.Equal("max_file_size", error.Limit);
            Assert.Equal(150L * 1024 * 1024, error.Actual);
            Assert.Equal(100L * 1024 * 1024, error.Allowed);
            Assert.Equal(0, rig.State.GetStats().TotalRequests);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunBatch_AsManyInFlightAsTheLimit_NextRefusedBeforeUpload()
    {
        await using var rig = await StartAsync(limits => limits.Batches.MaxBatchesInFlight = 1);
        var first = rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
            [new BatchItem<ChatCompletionRequest>("a", Chat.Ask("a"))], Endpoint,
            progress: new InlineProgress<BatchState>(_ => { }),
            cancellationToken: TestContext.Current.CancellationToken);
        await rig.DriveAsync(WaitUntilAsync(() => rig.State.GetStats().RequestsByEndpoint
            .GetValueOrDefault("GET /batches/{id}") > 0), TimeSpan.FromMilliseconds(10), maxSteps: 100);

        var error = await Assert.ThrowsAsync<BatchLimitException>(() =>
            rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
                [new BatchItem<ChatCompletionRequest>("b", Chat.Ask("b"))], Endpoint,
                cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("max_batches_in_flight", error.Limit);
        Assert.Equal(1, rig.State.GetStats().RequestsByEndpoint["POST /files/upload"]);
        await rig.DriveAsync(first, TimeSpan.FromMilliseconds(500), maxSteps: 400);
    }

    [Fact]
    public async Task RunBatch_NoRequestsOrBadPolling_RefusedBeforeAnyUpload()
    {
        await using var rig = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
                [], Endpoint, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
                [new BatchItem<ChatCompletionRequest>("a", Chat.Ask("a"))], Endpoint,
                new BatchOptions { PollInterval = TimeSpan.Zero },
                cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(0, rig.State.GetStats().TotalRequests);
    }

    [Fact]
    public async Task RunBatch_StatusChecksKeepFailing_BatchRunExceptionNamesTheBatch()
    {
        await using var rig = await StartAsync();
        rig.State.UpdateOptions(o => o.Faults.Add(
            new FaultRule { Status = 500, Rate = 1.0, Endpoint = "/batches/{id}" }));

        var run = rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
            [new BatchItem<ChatCompletionRequest>("a", Chat.Ask("a"))], Endpoint,
            cancellationToken: TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<BatchRunException>(() =>
            rig.DriveAsync(run, TimeSpan.FromSeconds(1), maxSteps: 1000));

        var created = Assert.Single(await rig.DriveAsync(
            rig.Client.Batches.GetBatchesAsync(TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1), 1000));
        Assert.Equal(created.Id, error.BatchId);
        Assert.Contains(created.Id!, error.Message, StringComparison.Ordinal);
        Assert.Equal(5, rig.State.GetStats().RequestsByEndpoint["GET /batches/{id}"]);
    }

    [Fact]
    public async Task RunBatch_CancelledWhilePolling_CancellationNamesTheBatchStillRunning()
    {
        await using var rig = await StartAsync();
        using var cancel = new System.Threading.CancellationTokenSource();

        var run = rig.Client.Batches.RunBatchAsync<ChatCompletionRequest, ChatCompletionResponse>(
            [new BatchItem<ChatCompletionRequest>("a", Chat.Ask("a"))], Endpoint,
            progress: new InlineProgress<BatchState>(_ => cancel.Cancel()), cancellationToken: cancel.Token);
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            rig.DriveAsync(run, TimeSpan.FromSeconds(1), maxSteps: 100));

        Assert.Matches("Stopped following batch batch-emu-[0-9]+", error.Message);
    }

    internal static Task<FakeClockRig> StartAsync(Action<TogetherLimits>? limits = null) =>
        FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = 100, JobDuration = TimeSpan.FromSeconds(10) },
            requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty),
            configure: o => o.ConfigureLimits = limits);

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return true;
    }
}
