using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Runs a long list of inputs as calls of up to a batch size each, a bounded number in flight. It does not pace the
/// calls itself: each call goes through the client, whose limiters decide when it may go, so there is no fixed sleep.
/// </summary>
public static class BatchRunner
{
    /// <summary>
    /// Splits <paramref name="inputs"/> into batches of <paramref name="batchSize"/>, calls
    /// <paramref name="callBatch"/> for each with at most <paramref name="maxConcurrency"/> in flight, and returns
    /// every result in input order. A failed batch does not stop the others; when any failed, the run ends with a
    /// <see cref="BatchFailedException{TResult}"/> that keeps the results that arrived.
    /// </summary>
    /// <param name="inputs">The inputs; may be empty.</param>
    /// <param name="batchSize">Inputs per call; at least 1.</param>
    /// <param name="maxConcurrency">Calls in flight at once; at least 1.</param>
    /// <param name="callBatch">Makes one call; must return exactly one result per input, in the inputs' order.</param>
    /// <param name="progress">Told after each batch ends; may be null.</param>
    /// <param name="cancellationToken">Stops the run: no new batch starts and the run ends cancelled.</param>
    /// <exception cref="BatchFailedException{TResult}">One or more batches failed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TInput, TResult>(
        IReadOnlyList<TInput> inputs,
        int batchSize,
        int maxConcurrency,
        Func<IReadOnlyList<TInput>, CancellationToken, Task<IReadOnlyList<TResult>>> callBatch,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(callBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);

        var results = new TResult?[inputs.Count];
        var failures = new List<BatchFailure>();
        var batches = (int)(((long)inputs.Count + batchSize - 1) / batchSize);
        var tally = new Tally(inputs.Count, batches);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxConcurrency,
            CancellationToken = cancellationToken,
        };

        // Batches start in input order, so the limiter's queue serves them in that order too.
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), options, async (batch, token) =>
        {
            var first = batch * batchSize;
            var count = Math.Min(batchSize, inputs.Count - first);
            try
            {
                var answers = await callBatch(Slice(inputs, first, count), token).ConfigureAwait(false);
                if (answers.Count != count)
                {
                    throw new InvalidOperationException(
                        $"A batch of {count} inputs returned {answers.Count} results.");
                }

                for (var i = 0; i < count; i++)
                {
                    results[first + i] = answers[i];
                }

                progress?.Report(tally.Succeeded(count));
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                lock (failures)
                {
                    failures.Add(new BatchFailure(first, count, e));
                }

                progress?.Report(tally.Failed(count));
            }
        }).ConfigureAwait(false);

        if (failures.Count > 0)
        {
            throw new BatchFailedException<TResult>(results, failures.OrderBy(f => f.FirstIndex).ToArray());
        }

        return results!;
    }

    private static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> inputs, int first, int count)
    {
        var slice = new T[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = inputs[first + i];
        }

        return slice;
    }

    private sealed class Tally(int totalInputs, int totalBatches)
    {
        private readonly object _sync = new();
        private int _doneInputs;
        private int _failedInputs;
        private int _doneBatches;

        public BatchProgress Succeeded(int count)
        {
            lock (_sync)
            {
                _doneInputs += count;
                _doneBatches++;
                return Snapshot();
            }
        }

        public BatchProgress Failed(int count)
        {
            lock (_sync)
            {
                _failedInputs += count;
                return Snapshot();
            }
        }

        private BatchProgress Snapshot() =>
            new(_doneInputs, _failedInputs, totalInputs, _doneBatches, totalBatches);
    }
}
