using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Together.Emulator;
using Together.Generated;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>
/// The emulator on TestHost and the quickstart's generated client over it, sharing one fake clock: the client's
/// limiters, retries and timeouts and the emulator's sliding windows all read the same time.
/// </summary>
internal sealed class FakeClockRig : IAsyncDisposable
{
    public const string Key = "end-to-end-key";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private readonly (string Limiter, string Model) _settleOn;

    private FakeClockRig(
        WebApplication app,
        FakeTimeProvider clock,
        int? requestsPerMinute,
        (string Limiter, string Model) settleOn,
        Action<TogetherClientOptions>? configure)
    {
        _settleOn = settleOn;
        _app = app;
        Clock = clock;
        State = app.Services.GetRequiredService<EmulatorState>();
        Attempts = new AttemptLog(clock, app.GetTestServer().CreateHandler());
        Counter = new StatusCounter(Attempts);
        _http = new HttpClient(Counter) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var options = new TogetherClientOptions
        {
            ApiKey = Key,
            BaseUrl = new Uri("http://127.0.0.1/v1"),
            TimeProvider = clock,
            Jitter = new Random(7).NextDouble,
            ConfigureLimits = requestsPerMinute is { } perMinute
                ? limits => Budget.Override(limits, TogetherEndpoints.ChatCompletions, perMinute)
                : null,
        };
        configure?.Invoke(options);
        Client = new TogetherClient(_http, options);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The fake time the rig started at.</summary>
    public DateTimeOffset Started { get; } = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public EmulatorState State { get; }

    public StatusCounter Counter { get; }

    /// <summary>Every attempt the client sent, with its fake send time and the status it got.</summary>
    public AttemptLog Attempts { get; }

    public TogetherClient Client { get; }

    /// <summary>A plain HTTP client on the emulator, standing for another process using the same account.</summary>
    public HttpClient Other => _app.GetTestClient();

    /// <summary>
    /// Starts the emulator with <paramref name="emulator"/> and a client, its chat budgets optionally overridden.
    /// </summary>
    /// <param name="emulator">The emulator's options.</param>
    /// <param name="requestsPerMinute">The chat budgets' override; null keeps the limits file's.</param>
    /// <param name="limiterToSettle">
    /// The last limiter of the calls' chain, and the model of its partition: a permit it grants is a request on its
    /// way. Default: the chat limiter for the quickstart's model.
    /// </param>
    /// <param name="configure">Changes the client's options before it is built; may be null.</param>
    public static async Task<FakeClockRig> StartAsync(
        EmulatorOptions emulator,
        int? requestsPerMinute,
        (string, string)? limiterToSettle = null,
        Action<TogetherClientOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var builder = EmulatorApp.CreateBuilder([], emulator, clock);
        builder.WebHost.UseTestServer();
        var app = EmulatorApp.Build(builder);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var settleOn = limiterToSettle ?? ("chat", QuickstartRun.DefaultModel);
        return new FakeClockRig(app, clock, requestsPerMinute, settleOn, configure);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while moving the clock in steps of <paramref name="step"/>. Before each step it
    /// waits (in real time, up to a second) until every permit the last limiter of the calls' chain granted has
    /// reached the emulator, so that no request meets a later fake time than the one it was let go at.
    /// </summary>
    /// <param name="work">The calls to drive.</param>
    /// <param name="step">How far the clock moves each step.</param>
    /// <param name="maxSteps">Fails the test when the work is not done after this many steps.</param>
    /// <param name="onStep">Told the fake time elapsed since the rig started, before each step; may be null.</param>
    /// <param name="settle">Whether to wait for granted permits to reach the emulator before each step.</param>
    public async Task<T> DriveAsync<T>(
        Task<T> work, TimeSpan step, int maxSteps, Action<TimeSpan>? onStep = null, bool settle = true)
    {
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            // Always give the thread pool a moment: continuations released by the last step must get to run.
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken));
            for (var spin = 0; settle && spin < 1000 && !Settled() && !work.IsCompleted; spin++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken);
            }

            onStep?.Invoke(Clock.GetUtcNow() - Started);
            if (!work.IsCompleted)
            {
                Clock.Advance(step);
            }
        }

        Assert.True(work.IsCompleted, $"Still running after {maxSteps} steps of {step} on the fake clock.");
        return await work;
    }

    private bool Settled()
    {
        var granted = Client.Core.Limiters.GetStatistics(_settleOn.Limiter, _settleOn.Model)?.TotalSuccessfulLeases
            ?? 0;
        return Counter.Attempts >= granted && State.GetStats().TotalRequests >= granted;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
