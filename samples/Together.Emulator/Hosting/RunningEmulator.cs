using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// An emulator started in this process by <see cref="EmulatorApp.StartAsync"/>; dispose it to stop it.
/// </summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    internal RunningEmulator(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        State = app.Services.GetRequiredService<EmulatorState>();
    }

    /// <summary>The web application serving the emulator.</summary>
    public WebApplication App { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>; the admin endpoints hang off it.</summary>
    public Uri Address { get; }

    /// <summary>
    /// The API base URL, e.g. <c>http://127.0.0.1:41234/v1</c>, written like <c>TOGETHER_BASE_URL</c> (no trailing
    /// slash).
    /// </summary>
    public string BaseUrl => new Uri(Address, "v1").ToString();

    /// <summary>The emulator's state, to read stats or change options and faults directly.</summary>
    public EmulatorState State { get; }

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
