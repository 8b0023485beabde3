using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Together.Emulator;
using Together.Generated;

namespace Together.Quickstart;

/// <summary>
/// Where the quickstart sends its calls. With <c>TOGETHER_BASE_URL</c> set, to that server (with
/// <c>TOGETHER_API_KEY</c>, or a placeholder key); with only <c>TOGETHER_API_KEY</c>, to the real API; with neither,
/// to a Together emulator it starts itself on a free loopback port, so that it runs anywhere without a key.
/// </summary>
public sealed class Target : IAsyncDisposable
{
    private const string PlaceholderKey = "quickstart-placeholder-key";

    private readonly WebApplication? _emulator;

    private Target(Uri baseUrl, string apiKey, string description, WebApplication? emulator)
    {
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        Description = description;
        _emulator = emulator;
    }

    /// <summary>The API's base URL, ending in <c>/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The key to send; never printed.</summary>
    public string ApiKey { get; }

    /// <summary>Whether the quickstart started this target's emulator itself.</summary>
    public bool IsOwnEmulator => _emulator is not null;

    /// <summary>Where the calls go, in words.</summary>
    public string Description { get; }

    /// <summary>Reads the environment and, when it names no server, starts the emulator.</summary>
    /// <param name="emulatorLimit">Requests a second per model the emulator allows, if it is started.</param>
    public static async Task<Target> ResolveAsync(int emulatorLimit)
    {
        var baseUrl = Environment.GetEnvironmentVariable(TogetherClientOptions.BaseUrlVariable);
        var key = Environment.GetEnvironmentVariable(TogetherClientOptions.ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            var uri = new Uri(baseUrl, UriKind.Absolute);
            return new Target(uri, string.IsNullOrWhiteSpace(key) ? PlaceholderKey : key, $"the server at {uri}", null);
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            return new Target(TogetherClientOptions.DefaultBaseUrl, key, "the Together API", null);
        }

        // Like Together, it refuses a model it does not list: try --model with a made-up id.
        var options = new EmulatorOptions { RequestsPerSecond = emulatorLimit, KnownModelsOnly = true };
        var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0"], options);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First().TrimEnd('/');
        return new Target(
            new Uri(address + "/v1"),
            PlaceholderKey,
            $"a local Together emulator started at {address} ({emulatorLimit} requests a second per model; "
                + "set TOGETHER_BASE_URL or TOGETHER_API_KEY to use another server)",
            app);
    }

    /// <summary>Stops the emulator, if this target started one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync().ConfigureAwait(false);
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
