using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
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

    public static async Task<GoodputResult[]> RunAsync(GoodputSettings settings)
    {
        await using var emulator = await EmulatorApp.StartAsync(
            new EmulatorOptions { RequestsPerSecond = settings.Limit });
        var baseUrl = new Uri(emulator.BaseUrl.TrimEnd('/') + "/");
        var body = $$"""{"model":"{{Model}}","messages":[{"role":"user","content":"Hi"}],"max_tokens":8}""";
        await WarmAsync(baseUrl, body);
        var random = new Random(7);
        var limit = settings.Limit;
        return
        [
            await MeasureAsync("ours, told the real limit", emulator, settings,
                Ours(baseUrl, limit * 60, adaptive: false)),
            await MeasureAsync("ours, told twice the limit", emulator, settings,
                Ours(baseUrl, limit * 120, adaptive: true)),
            await MeasureAsync("retry-only (official SDKs' policy)", emulator, settings,
                Raw(baseUrl, http => Baselines.RetryOnlyAsync(http, body, random))),
            await MeasureAsync("token bucket 500/min + retries", emulator, settings,
                Naive(baseUrl, body, random)),
        ];
    }

    // The emulator's first requests wait on its own JIT between arrival and counting, which a warm server does not;
    // left cold, that lag would land on whichever client runs first. Another model, so no client's window sees it.
    private static async Task WarmAsync(Uri baseUrl, string body)
    {
        using var http = Http(baseUrl);
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent(body.Replace(Model, "warm-up/model"), Encoding.UTF8,
                "application/json");
            using var response = await http.PostAsync("chat/completions", content);
        }

        // The same for this client's own path (its code and its request's shape), as the raw calls above warm the
        // path the two baselines share: every client starts warm, and the table compares steady behaviour.
        using (var client = new TogetherClient(new TogetherClientOptions { ApiKey = Key, BaseUrl = baseUrl }))
        {
            var warm = new LoadSettings(1, 1, "warm-up/model", 8);
            for (var i = 0; i < 3; i++)
            {
                await client.Chat.ChatCompletionsAsync(LoadRunner.Prompt(warm, i));
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
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

    private static HttpClient Http(Uri baseUrl)
    {
        var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    private static Func<Task<bool>> Raw(Uri baseUrl, Func<HttpClient, Task<bool>> call)
    {
        var http = Http(baseUrl);
        return () => call(http);
    }

    private static Func<Task<bool>> Naive(Uri baseUrl, string body, Random random)
    {
        var bucket = Baselines.NaiveBucket();
        return Raw(baseUrl, http => Baselines.NaiveBucketAsync(http, body, bucket, random));
    }

    private static async Task<GoodputResult> MeasureAsync(
        string name, RunningEmulator emulator, GoodputSettings settings, Func<Task<bool>> call)
    {
        emulator.State.Reset();
        Console.Error.WriteLine($"running: {name}");
        var latencies = new ConcurrentBag<TimeSpan>();
        var (succeeded, failed) = (0, 0);
        using var sampler = new StatsSampler(emulator.State);
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Calls),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (_, _) =>
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
        var samples = sampler.Stop();
        return new GoodputResult(name, settings, succeeded, failed, samples, latencies.ToArray());
    }
}
