using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Together.Emulator;

namespace Together.Generated.AI.Tests;

/// <summary>
/// The emulator on TestHost and this project's generated client over it (limits from this folder's
/// together.limits.yaml), sharing one fake clock.
/// </summary>
internal sealed class EmulatorRig : IAsyncDisposable
{
    public const string Key = "ai-tests-key";
    public const string ChatModel = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    public const string EmbeddingModel = "BAAI/bge-base-en-v1.5";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private EmulatorRig(WebApplication app, FakeTimeProvider clock, Action<TogetherClientOptions>? configure)
    {
        _app = app;
        Clock = clock;
        State = app.Services.GetRequiredService<EmulatorState>();
        Requests = new RequestLog(clock, app.GetTestServer().CreateHandler());
        _http = new HttpClient(Requests) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new TogetherClientOptions
        {
            ApiKey = Key,
            BaseUrl = new Uri("http://127.0.0.1/v1"),
            TimeProvider = clock,
            Jitter = new Random(7).NextDouble,
        };
        configure?.Invoke(options);
        Client = new TogetherClient(_http, options);
    }

    public FakeTimeProvider Clock { get; }

    public EmulatorState State { get; }

    /// <summary>Every attempt the client sent.</summary>
    public RequestLog Requests { get; }

    public TogetherClient Client { get; }

    /// <summary>Starts the emulator with <paramref name="emulator"/> and a client; its options changed by
    /// <paramref name="configure"/> when given.</summary>
    public static async Task<EmulatorRig> StartAsync(
        EmulatorOptions emulator, Action<TogetherClientOptions>? configure = null)
    {
        emulator.ApiKeys.Add(Key);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var builder = EmulatorApp.CreateBuilder([], emulator, clock);
        builder.WebHost.UseTestServer();
        var app = EmulatorApp.Build(builder);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EmulatorRig(app, clock, configure);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while moving the clock in steps of <paramref name="step"/>. Before each step it
    /// waits (in real time, up to a second) until every permit the <paramref name="limiter"/> limiter granted for
    /// <paramref name="model"/> has reached the emulator, so no request meets a later fake time than it left at.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work, string limiter, string model, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            // Always give the thread pool a moment: continuations released by the last step must get to run.
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken));
            for (var spin = 0; spin < 1000 && !Settled(limiter, model) && !work.IsCompleted; spin++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken);
            }

            if (!work.IsCompleted)
            {
                Clock.Advance(step);
            }
        }

        Assert.True(work.IsCompleted, $"Still running after {maxSteps} steps of {step} on the fake clock.");
        return await work;
    }

    private bool Settled(string limiter, string model)
    {
        var granted = Client.Core.Limiters.GetStatistics(limiter, model)?.TotalSuccessfulLeases ?? 0;
        return State.GetStats().TotalRequests >= granted;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
