using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// Thousands of calls that succeed, fail, retry, hang, time out, stream and get cancelled at random, on a fake
/// clock; afterwards every concurrency permit is back and no queue holds anyone.
/// </summary>
public sealed class PermitSoakTests
{
    private const int Calls = 3000;
    private const int Slots = 8;

    private readonly FakeTimeProvider _clock = TestClient.NewClock();

    [Fact]
    public async Task ManyCalls_RandomlyFailingAndCancelled_ReturnEveryPermit()
    {
        var server = new ChaosServer(_clock, seed: 7);
        var limits = TestClient.Limits(
            new LimiterDefinition { Name = "slots", Kind = LimiterKind.Concurrency, RunAt = Slots, QueueLimit = Calls },
            new LimiterDefinition { Name = "rate", RunAt = 60_000, QueueLimit = Calls });
        using var core = TestClient.Create(server, _clock, limits, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        var random = new Random(11);
        var cancellations = new List<CancellationTokenSource>();
        var calls = new List<Task>();
        for (var i = 0; i < Calls; i++)
        {
            var cts = random.NextDouble() < 0.3
                ? new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 5000)), _clock)
                : new CancellationTokenSource();
            cancellations.Add(cts);
            calls.Add(random.NextDouble() < 0.2 ? ReadSome(core, random.Next(0, 4), cts.Token) : Send(core, cts.Token));
        }

        var all = Task.WhenAll(calls);
        await _clock.Drive(all.ContinueWith(_ => { }, TaskScheduler.Default), TimeSpan.FromMilliseconds(100), 5000);

        var outcomes = calls.GroupBy(Outcome).ToDictionary(g => g.Key, g => g.Count());
        Assert.DoesNotContain("other", outcomes.Keys);
        Assert.True(outcomes.GetValueOrDefault("ok") > 100, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("api-error") > 100, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("cancelled") > 100, Describe(outcomes));
        var slots = core.Limiters.GetStatistics("slots")!;
        var rate = core.Limiters.GetStatistics("rate")!;
        Assert.Equal(Slots, slots.CurrentAvailablePermits);
        Assert.Equal(0, slots.CurrentQueuedCount);
        Assert.Equal(0, rate.CurrentQueuedCount);
        cancellations.ForEach(c => c.Dispose());
    }

    private static string Outcome(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => "ok",
        TaskStatus.Canceled => "cancelled",
        TaskStatus.Faulted when task.Exception!.InnerException is TogetherApiException => "api-error",
        TaskStatus.Faulted when task.Exception!.InnerException is OperationCanceledException => "cancelled",
        _ => "other",
    };

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"));

    private static Task Send(TogetherClientCore core, CancellationToken token) =>
        core.SendAsync(TestClient.Post("slots", "rate"), TestJson.Default.Thing, token);

    // Reads a few chunks, then stops: the permits must come back either way.
    private static async Task ReadSome(TogetherClientCore core, int chunks, CancellationToken token)
    {
        var read = 0;
        await foreach (var _ in core.StreamAsync(TestClient.Post("slots", "rate"), TestJson.Default.Chunk, token))
        {
            if (++read >= chunks)
            {
                break;
            }
        }
    }

    /// <summary>Answers at random (seeded): success, retried and final errors, cut connections, hangs.</summary>
    private sealed class ChaosServer(FakeTimeProvider clock, int seed) : HttpMessageHandler
    {
        private readonly Random _random = new(seed);

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken token)
        {
            double roll;
            lock (_random)
            {
                roll = _random.NextDouble();
            }

            var streaming = request.Headers.Accept.Any(a => a.MediaType == "text/event-stream");
            switch (roll)
            {
                case < 0.40:
                    return streaming ? Stream() : Json(HttpStatusCode.OK, """{"id":"t1","text":"ok"}""");
                case < 0.50:
                    return Json(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"overloaded"}}""");
                case < 0.60:
                    return Json(HttpStatusCode.InternalServerError, """{"error":{"message":"boom"}}""");
                case < 0.70:
                    var limited = Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""");
                    limited.Headers.Add("x-ratelimit-reset", 0.5.ToString(CultureInfo.InvariantCulture));
                    return limited;
                case < 0.80:
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "refused");
                case < 0.90:
                    await Task.Delay(Timeout.InfiniteTimeSpan, clock, token);
                    throw new InvalidOperationException("unreachable");
                default:
                    await Task.Delay(TimeSpan.FromSeconds(2), clock, token);
                    return streaming ? Stream() : Json(HttpStatusCode.OK, """{"id":"t2","text":"late"}""");
            }
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        private static HttpResponseMessage Stream() =>
            new(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    "data: {\"text\":\"a\"}\n\ndata: {\"text\":\"b\"}\n\ndata: {\"text\":\"c\"}\n\ndata: [DONE]\n\n",
                    Encoding.UTF8,
                    "text/event-stream"),
            };
    }
}
