using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task AddTogetherClient_UnreadableValue_StartUpFailsNamingItsPath()
    {
        await using var provider = Provider(new()
        {
            ["Together:ApiKey"] = Key,
            ["Together:TotalTimeout"] = "soon",
        });

        var error = Assert.Throws<FormatException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Together:TotalTimeout", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Provider(
        Dictionary<string, string?> settings, Action<TogetherClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddTogetherClient(configure)
            .ConfigurePrimaryHttpMessageHandler(() => _emulator.GetTestServer().CreateHandler());
        return services.BuildServiceProvider();
    }
}
