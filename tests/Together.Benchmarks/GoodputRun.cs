using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Quickstart;

namespace Together.Benchmarks;

/// <summary>
/// Runs one workload through each client in turn against the emulator enforcing <c>limit</c> calls a second per
/// model (strict sliding one-second window), resetting its stats between clients.
/// </summary>
internal static class GoodputRun
{
    private const string Key = "benchmark-key";
    private const string Model = QuickstartRun.DefaultModel;

    public static async Task<GoodputResult[]> RunAsync(int limit, int calls, int concurrency)
    {
        await using var emulator = await EmulatorApp.StartAsync(new EmulatorOptions { RequestsPerSecond = limit });
        var baseUrl = new Uri(emulator.BaseUrl.TrimEnd('/') + "/");
        var body = $$"""{"model":"{{Model}}","messages":[{"role":"user","content":"Hi"}],"max_tokens":8}""";
        var random = new Random(7);
        var results = new[]
        {
            await MeasureAsync("ours, told the real limit", emulator, limit, calls, concurrency,
                Ours(baseUrl, limit * 60, adaptive: false)),
            await MeasureAsync("ours, told twice the limit", emulator, limit, calls, concurrency,
                Ours(baseUrl, limit * 120, adaptive: true)),
            await MeasureAsync("retry-only (official SDKs' policy)", emulator, limit, calls, concurrency,
                Raw(baseUrl, http => Baselines.RetryOnlyAsync(http, body, random))),
            await MeasureAsync("token bucket 500/min + retries", emulator, limit, calls, concurrency,
                Naive(baseUrl, body, random)),
        };
        return results;
    }

    private static Func<Task<bool>> Ours(Uri baseUrl, int perMinute, bool adaptive)
    {
        var client = new TogetherClient(new TogetherClientOptions
        {
            ApiKey = Key,
            BaseUrl = baseUrl,
            ConfigureLimits = limits =>
            {
                Budget.Override(limits, TogetherEndpoints.ChatCompletions, perMinute);
                limits.Adaptive.Enabled = adaptive;
            },
        });
        var number = 0;
        return async () =>
        {
            try
            {
                var settings = new LoadSettings(1, 1, Model, 8);
                await client.Chat.ChatCompletionsAsync(LoadRunner.Prompt(settings, Interlocked.Increment(ref number)));
                return true;
            }
            catch (TogetherApiException)
            {
                return false;
            }
        };
    }

    private static Func<Task<bool>> Raw(Uri baseUrl, Func<HttpClient, Task<bool>> call)
    {
        var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return () => call(http);
    }

    private static Func<Task<bool>> Naive(Uri baseUrl, string body, Random random)
    {
        var bucket = Baselines.NaiveBucket();
        return Raw(baseUrl, http => Baselines.NaiveBucketAsync(http, body, bucket, random));
    }

    private static async Task<GoodputResult> MeasureAsync(
        string name, RunningEmulator emulator, int limit, int calls, int concurrency, Func<Task<bool>> call)
    {
        emulator.State.Reset();
        Console.Error.WriteLine($"running: {name}");
        var latencies = new ConcurrentBag<TimeSpan>();
        var (succeeded, failed) = (0, 0);
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                if (await call())
                {
                    Interlocked.Increment(ref succeeded);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            });
        wall.Stop();
        var stats = emulator.State.GetStats();
        return new GoodputResult(name, calls, succeeded, failed, (int)stats.RateLimited, wall.Elapsed,
            latencies.ToArray(), limit);
    }
}
