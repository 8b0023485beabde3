using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Together.Generated;
using Together.Models;

namespace Together.Quickstart;

/// <summary>
/// Runs the quickstart's load: numbered chat calls, a bounded number in flight, each failure counted and kept
/// rather than thrown, so that one bad call never ends the run.
/// </summary>
public static class LoadRunner
{
    private const int FailuresKept = 20;

    /// <summary>Makes <see cref="LoadSettings.Requests"/> chat calls and measures them.</summary>
    /// <param name="client">The client, with <paramref name="counter"/> under its HTTP client.</param>
    /// <param name="counter">Counts the server's answers, retries included.</param>
    /// <param name="settings">What to run.</param>
    /// <param name="time">The clock latencies are measured on (the client's).</param>
    /// <param name="progress">Told the number of calls finished after each one; may be null.</param>
    /// <param name="cancellationToken">Stops the run; calls not yet started are not made.</param>
    public static async Task<LoadResult> RunAsync(
        TogetherClient client,
        StatusCounter counter,
        LoadSettings settings,
        TimeProvider time,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        counter.Reset();
        var latencies = new ConcurrentQueue<TimeSpan>();
        var failures = new ConcurrentQueue<string>();
        var failed = 0;
        var finished = 0;
        var retries = 0;
        var start = time.GetTimestamp();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency),
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(1, settings.Requests), parallel, async (number, token) =>
        {
            var began = time.GetTimestamp();
            using var capture = TogetherResponseCapture.Start();
            try
            {
                await client.Chat.ChatCompletionsAsync(Prompt(settings, number), token).ConfigureAwait(false);
                latencies.Enqueue(time.GetElapsedTime(began));
                Interlocked.Add(ref retries, Math.Max(0, (capture.Last?.Attempts ?? 1) - 1));
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                Interlocked.Add(ref retries, Math.Max(0, ((e as TogetherApiException)?.Attempts ?? 1) - 1));
                if (failures.Count < FailuresKept)
                {
                    failures.Enqueue($"call {number}: {e.GetType().Name}: {e.Message}");
                }
            }

            progress?.Report(Interlocked.Increment(ref finished));
        }).ConfigureAwait(false);

        var elapsed = time.GetElapsedTime(start);
        var budget = Budget.PerSecond(client.Core.Limits, TogetherEndpoints.ChatCompletions, settings.Model);
        return new LoadResult(
            settings.Requests,
            latencies.Count,
            failed,
            failures.ToArray(),
            counter.RateLimited,
            counter.Overloaded,
            retries,
            latencies.ToArray(),
            elapsed,
            budget);
    }

    /// <summary>A distinct, numbered prompt, so that no two calls of the load are the same request.</summary>
    public static ChatCompletionRequest Prompt(LoadSettings settings, int number)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ChatCompletionRequest
        {
            Model = settings.Model,
            Messages = new List<ChatCompletionMessageParam>
            {
                new ChatCompletionUserMessageParam { Content = $"Load call #{number}: answer in one short sentence." },
            },
            MaxTokens = settings.MaxTokens,
        };
    }
}
