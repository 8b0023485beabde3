using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Together.Emulator.Tests;

/// <summary>The emulator on TestHost with a fake clock, and a plain HttpClient talking to it.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string Key = "test-key";
    public const string Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo";

    private TestEmulator(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
        Http = app.GetTestClient();
        State = app.Services.GetRequiredService<EmulatorState>();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public EmulatorState State { get; }

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var builder = EmulatorApp.CreateBuilder([], options, clock);
        builder.WebHost.UseTestServer();
        var app = EmulatorApp.Build(builder);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestEmulator(app, clock);
    }

    public static string ChatBody(string text = "Say hello in five words.", bool stream = false, int? maxTokens = null,
        string model = Model) =>
        JsonSerializer.Serialize(new
        {
            model,
            messages = new object[]
            {
                new { role = "system", content = "Be brief." }, new { role = "user", content = text },
            },
            stream,
            max_tokens = maxTokens,
        });

    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = Key) =>
        Http.SendAsync(Request(HttpMethod.Post, path, json, key), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> GetAsync(string path, string? key = Key) =>
        Http.SendAsync(Request(HttpMethod.Get, path, null, key), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> ChatAsync(string? key = Key, string model = Model, bool stream = false) =>
        PostAsync("/v1/chat/completions", ChatBody(model: model, stream: stream), key);

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Waits, in real time, until as many requests as expected wait on the fake clock.</summary>
    public async Task WaitForClockWaitersAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (State.ClockWaiters < count)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Only {State.ClockWaiters} of {count} waiters.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
