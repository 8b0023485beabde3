using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Together.Emulator;
using Together.Generated;

namespace Together.EndToEnd.Tests;

/// <summary>
/// <c>services.AddTogetherClient()</c>: options from configuration, validated at start-up, one client for the
/// application over IHttpClientFactory's handler (here the emulator's test server).
/// </summary>
public sealed class DependencyInjectionTests : IAsyncLifetime
{
    private const string Key = "di-test-key";
    private WebApplication _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = EmulatorApp.CreateBuilder([], new EmulatorOptions { ApiKeys = { Key } });
        builder.WebHost.UseTestServer();
        _emulator = EmulatorApp.Build(builder);
        await _emulator.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AddTogetherClient_FromConfiguration_OneValidatedClientCallsThroughTheFactorysHandler()
    {
        await using var provider = Provider(new()
        {
            ["Together:ApiKey"] = Key,
            ["Together:BaseUrl"] = "http://localhost/v1",
            ["Together:AttemptTimeout"] = "00:00:30",
            ["Together:Limiters:chat:Budget"] = "120",
            ["Together:Limiters:Key:QueueLimit"] = "7",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<TogetherClient>();
        var answer = await client.Chat.ChatCompletionsAsync(Chat.Ask("Hello"), TestContext.Current.CancellationToken);

        Assert.Same(client, provider.GetRequiredService<TogetherClient>());
        Assert.NotEmpty(answer.Choices);
        var chat = client.Core.Limits.Limiters["chat"];
        Assert.Equal((120, 120), (chat.Budget, chat.RunAt));
        Assert.Equal(7, client.Core.Limits.Limiters["key"].QueueLimit);
        Assert.Equal(1, _emulator.Services.GetRequiredService<EmulatorState>().GetStats().AcceptedRequests);
    }

    [Fact]
    public async Task AddTogetherClient_UnknownLimiterAndNoKey_StartUpFailsNamingBoth()
    {
        await using var provider = Provider(new()
        {
            ["Together:BaseUrl"] = "http://localhost/v1",
            ["Together:Limiters:chatt:Budget"] = "120",
        }, o => o.ApiKey = null);

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("No Together API key", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'chatt'", StringComparison.Ordinal)
            && f.Contains("chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTogetherClient_UnreadableAndOutOfRangeValues_StartUpFailsNamingEach()
    {
        await using var provider = Provider(new()
        {
            ["Together:ApiKey"] = Key,
            ["Together:TotalTimeout"] = "soon",
            ["Together:AdaptiveRates"] = "maybe",
            ["Together:AttemptTimeout"] = "60",
            ["Together:Limiters:chat:Per"] = "36500.00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("'Together:TotalTimeout'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'Together:AdaptiveRates'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AttemptTimeout must be positive and at most 49 days",
            StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'chat': Per must be positive and at most 366 days",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTogetherClient_AdaptiveRatesConfiguredAndConfigureLimitsSet_BothApply()
    {
        await using var provider = Provider(
            new() { ["Together:ApiKey"] = Key, ["Together:AdaptiveRates"] = "true" },
            o => o.ConfigureLimits = limits => limits.Limiters["chat"].RunAt = 100);

        var client = provider.GetRequiredService<TogetherClient>();

        Assert.True(client.Core.Limits.Adaptive.Enabled);
        Assert.Equal(100, client.Core.Limits.Limiters["chat"].RunAt);
    }

    [Fact]
    public void AddTogetherClient_CalledTwice_ThrowsNamingTheFirstSection()
    {
        var services = new ServiceCollection();
        services.AddTogetherClient(section: "First");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddTogetherClient(section: "Second"));

        Assert.Contains("'First'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTogetherClient_TraceLogging_NoLogEntryCarriesTheKey()
    {
        var logs = new CollectingLoggerProvider();
        await using var provider = Provider(
            new() { ["Together:ApiKey"] = Key, ["Together:BaseUrl"] = "http://localhost/v1" },
            logging: builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        await provider.GetRequiredService<TogetherClient>().Chat.ChatCompletionsAsync(
            Chat.Ask("Hello"), TestContext.Current.CancellationToken);

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(Key, StringComparison.Ordinal));
    }

    private ServiceProvider Provider(
        Dictionary<string, string?> settings, Action<TogetherClientOptions>? configure = null,
        Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(builder => logging?.Invoke(builder));
        services.AddTogetherClient(configure)
            .ConfigurePrimaryHttpMessageHandler(() => _emulator.GetTestServer().CreateHandler());
        return services.BuildServiceProvider();
    }
}
