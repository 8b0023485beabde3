using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Redis.Tests;

/// <summary>A loopback stand-in for the API that answers every call at once and notes when each arrived.</summary>
internal sealed class CountingServer(int perSecondLimit = 0) : HttpMessageHandler
{
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private readonly Queue<DateTimeOffset> _window = new();
    private int _refused;

    /// <summary>Calls refused with 429 because the strict one-second window was full.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public IReadOnlyList<DateTimeOffset> Arrivals => _arrivals.OrderBy(a => a).ToArray();

    /// <summary>The most calls that arrived within any one second.</summary>
    public int PeakPerSecond()
    {
        var arrivals = Arrivals;
        var peak = 0;
        for (int start = 0, end = 0; end < arrivals.Count; end++)
        {
            while (arrivals[end] - arrivals[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
    {
        var now = DateTimeOffset.UtcNow;
        if (perSecondLimit > 0)
        {
            lock (_window)
            {
                while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _window.Dequeue();
                }

                if (_window.Count >= perSecondLimit)
                {
                    Interlocked.Increment(ref _refused);
                    var refusal = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                    {
                        Content = new StringContent("""{"error":{"message":"slow down"}}""", Encoding.UTF8,
                            "application/json"),
                    };
                    refusal.Headers.Add("x-ratelimit-reset", "1");
                    return Task.FromResult(refusal);
                }

                _window.Enqueue(now);
            }
        }

        _arrivals.Enqueue(now);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":"ok"}""", Encoding.UTF8, "application/json"),
        });
    }
}

/// <summary>
/// One client standing for one process: its own core, limiters and HTTP client, over the shared store.
/// </summary>
internal static class SharedClient
{
    public const string ApiKey = "sk-shared-budget-test-key-0123456789";

    public static readonly EndpointDescriptor Chat = new("ChatCompletions", "POST", "/chat/completions", ["key"],
        "default");

    public static TogetherClientCore Create(
        HttpMessageHandler server, ISharedLimiterStore store, int perMinute, bool adaptive = false,
        double coldStart = 0.5) =>
        new(new HttpClient(server), new TogetherClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = new Uri("http://127.0.0.1:9/v1"),
            SharedLimiters = store,
            ConfigureLimits = limits =>
            {
                limits.Adaptive.Enabled = adaptive;
                limits.Adaptive.ColdStartFraction = coldStart;
            },
        }, Limits(perMinute));

    public static Task<Reply> CallAsync(TogetherClientCore core, CancellationToken token) =>
        core.SendAsync(
            new ApiRequest(Chat, "/chat/completions").WithJsonBody(new Ask { Model = "m" }, TestJson.Default.Ask),
            TestJson.Default.Reply,
            token);

    /// <summary>Calls <paramref name="core"/> from <paramref name="workers"/> loops until the deadline.</summary>
    public static async Task<(int Succeeded, List<Exception> Failed)> LoadAsync(
        TogetherClientCore core, int workers, DateTimeOffset until)
    {
        var succeeded = 0;
        var failed = new ConcurrentBag<Exception>();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (DateTimeOffset.UtcNow < until)
            {
                try
                {
                    await CallAsync(core, CancellationToken.None);
                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception e)
                {
                    failed.Add(e);
                    await Task.Delay(50);
                }
            }
        }));
        return (succeeded, failed.ToList());
    }

    private static TogetherLimits Limits(int perMinute)
    {
        var limits = new TogetherLimits();
        limits.Limiters["key"] = new LimiterDefinition { Name = "key", Budget = perMinute, RunAt = perMinute };
        limits.RetryPolicies["default"] = new RetryPolicyDefinition { Name = "default" };
        return limits;
    }
}

internal sealed class Ask : ILimitedRequest
{
    public string? Model { get; set; }

    int? ILimitedRequest.MaxTokens => null;

    int? ILimitedRequest.Choices => null;

    bool ILimitedRequest.Streams => false;
}

internal sealed class Reply
{
    public string? Id { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Ask))]
[JsonSerializable(typeof(Reply))]
internal sealed partial class TestJson : JsonSerializerContext;
