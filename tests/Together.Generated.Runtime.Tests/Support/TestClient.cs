using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>Builds cores, endpoints and limits for tests: a fake clock, a fake server, no jitter.</summary>
internal static class TestClient
{
    public const string ApiKey = "tg-test-key-9f8e7d6c5b4a";

    public static readonly Uri BaseUrl = new("https://api.example.test/v1");

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>One retry policy, <c>default</c>: 3 retries, 1 s doubling to 30 s, no jitter, MaxWait 60 s.</summary>
    public static TogetherLimits Limits(params LimiterDefinition[] limiters)
    {
        var limits = new TogetherLimits();
        limits.RetryPolicies["default"] = new RetryPolicyDefinition { Name = "default", Jitter = 0 };
        foreach (var limiter in limiters)
        {
            limits.Limiters[limiter.Name] = limiter;
        }

        return limits;
    }

    public static TogetherClientCore Create(
        HttpMessageHandler handler,
        FakeTimeProvider clock,
        TogetherLimits? limits = null,
        Action<TogetherClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        var options = new TogetherClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            TimeProvider = clock,
            Jitter = () => 0,
            LoggerFactory = loggerFactory,

            // Tests about timeouts set them; elsewhere a fast-forwarded clock must not trip one.
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            TotalTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return new TogetherClientCore(new HttpClient(handler), options, limits ?? Limits());
    }

    public static EndpointDescriptor Endpoint(
        string method = "POST",
        string path = "/things",
        bool idempotent = false,
        string? serverPath = null,
        string name = "CreateThing",
        params string[] limiters) =>
        new(name, method, path, limiters, "default", idempotent, serverPath);

    public static ApiRequest Post(params string[] limiters) =>
        new ApiRequest(Endpoint("POST", "/things", limiters: limiters), "/things")
            .WithJsonBody(new Thing(null, "hello"), TestJson.Default.Thing);

    public static ApiRequest Get(params string[] limiters) =>
        new(Endpoint("GET", "/things/{id}", name: "GetThing", limiters: limiters), "/things/t1");

    public static IReadOnlyList<string> None => Array.Empty<string>();
}
