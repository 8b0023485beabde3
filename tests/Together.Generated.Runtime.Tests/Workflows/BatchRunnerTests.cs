using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class BatchRunnerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunAsync_BatchesFinishingOutOfOrder_ResultsInInputOrder()
    {
        var inputs = Enumerable.Range(0, 95).ToArray();
        var sizes = new ConcurrentBag<int>();

        var results = await BatchRunner.RunAsync<int, string>(inputs, 10, 4, async (slice, token) =>
        {
            sizes.Add(slice.Count);

            // Later batches answer first.
            await Task.Delay(TimeSpan.FromMilliseconds(100 - slice[0]), token);
            return slice.Select(i => $"r{i}").ToArray();
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(inputs.Select(i => $"r{i}"), results);
        Assert.Equal(10, sizes.Count);
        Assert.Equal(5, sizes.Min());
    }

    [Fact]
    public async Task RunAsync_OneBatchFails_OthersKeptAndFailureNamesItsIndices()
    {
        var inputs = Enumerable.Range(0, 50).ToArray();
        var calls = 0;

        var error = await Assert.ThrowsAsync<BatchFailedException<string>>(() =>
            BatchRunner.RunAsync<int, string>(inputs, 20, 2, (slice, _) =>
            {
                Interlocked.Increment(ref calls);
                return slice[0] == 20
                    ? Task.FromException<IReadOnlyList<string>>(new InvalidOperationException("boom"))
                    : Task.FromResult<IReadOnlyList<string>>(slice.Select(i => $"r{i}").ToArray());
            }, cancellationToken: None));

        Assert.Equal(3, calls);
        var failure = Assert.Single(error.Failures);
        Assert.Equal((20, 20), (failure.FirstIndex, failure.Count));
        Assert.Equal("boom", failure.Error.Message);
        Assert.Equal(50, error.Results.Count);
        Assert.Equal("r0", error.Results[0]);
        Assert.Equal("r49", error.Results[49]);
        Assert.All(error.Results.Skip(20).Take(20), Assert.Null);
        Assert.Contains("inputs 20..39", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongNumberOfResults_ReportedAsThatBatchsFailure()
    {
        var error = await Assert.ThrowsAsync<BatchFailedException<int>>(() =>
            BatchRunner.RunAsync<int, int>(new[] { 1, 2, 3 }, 3, 1, (_, _) =>
                Task.FromResult<IReadOnlyList<int>>(new[] { 1 }), cancellationToken: None));

        Assert.Equal(0, Assert.Single(error.Failures).FirstIndex);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressAfterEachBatch()
    {
        var reports = new ConcurrentQueue<BatchProgress>();
        var progress = new Inline(reports.Enqueue);

        await BatchRunner.RunAsync<int, int>(Enumerable.Range(0, 25).ToArray(), 10, 1, (slice, _) =>
            Task.FromResult<IReadOnlyList<int>>(slice.ToArray()), progress, None);

        Assert.Equal(
            new[] { new BatchProgress(10, 0, 25, 1, 3), new(20, 0, 25, 2, 3), new(25, 0, 25, 3, 3) },
            reports.ToArray());
    }

    [Fact]
    public async Task RunAsync_Cancelled_NoFurtherBatchStartsAndTheRunEndsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var started = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            BatchRunner.RunAsync<int, int>(Enumerable.Range(0, 100).ToArray(), 10, 1, async (slice, token) =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    await cancel.CancelAsync();
                }

                token.ThrowIfCancellationRequested();
                return slice.ToArray();
            }, cancellationToken: cancel.Token));

        Assert.Equal(2, started);
    }

    [Fact]
    public async Task RunAsync_NoInputs_ReturnsEmptyWithoutCalling()
    {
        var results = await BatchRunner.RunAsync<int, int>(Array.Empty<int>(), 10, 4, (_, _) =>
            throw new InvalidOperationException("not called"), cancellationToken: None);

        Assert.Empty(results);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public async Task RunAsync_BatchSizeOrConcurrencyBelowOne_Throws(int batchSize, int concurrency)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            BatchRunner.RunAsync<int, int>(new[] { 1 }, batchSize, concurrency, (s, _) =>
                Task.FromResult<IReadOnlyList<int>>(s.ToArray()), cancellationToken: None));
    }

    private sealed class Inline(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
