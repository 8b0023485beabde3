using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Together.Emulator;

/// <summary>
/// Builds, hosts and runs the Together emulator. On its own: <c>dotnet run --project samples/Together.Emulator --
/// --urls http://127.0.0.1:PORT</c>. In-process over a socket: <see cref="StartAsync"/>. In tests over TestHost:
/// <c>var builder = EmulatorApp.CreateBuilder([], options, clock); builder.WebHost.UseTestServer();</c> then
/// <c>var app = EmulatorApp.Build(builder); await app.StartAsync(); var http = app.GetTestClient();</c>.
/// </summary>
public static class EmulatorApp
{
    /// <summary>Where the emulator listens when no <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5599";

    /// <summary>
    /// A web application builder with the emulator's services and quiet logging (warnings and up). It listens on
    /// <see cref="DefaultUrl"/> (loopback only) unless the configuration names URLs.
    /// </summary>
    /// <param name="args">Command-line arguments: <c>--urls</c> and <c>--Emulator:Name=value</c> settings.</param>
    /// <param name="options">The options; default: bound from the <c>Emulator</c> configuration section.</param>
    /// <param name="time">The clock; default <see cref="TimeProvider.System"/>. Pass a fake one in tests.</param>
    public static WebApplicationBuilder CreateBuilder(
        string[] args, EmulatorOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);

        // No configuration file is read, so none needs watching: many test hosts would otherwise exhaust inotify.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

        // A failed start (a taken port) is reported by RunAsync in one line; the host's own log repeats it as a
        // stack trace. Any other start failure still surfaces as the exception it is.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        options ??= builder.Configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>()
            ?? new EmulatorOptions();
        builder.Services.AddTogetherEmulator(options, time);
        return builder;
    }

    /// <summary>
    /// Builds the application from <paramref name="builder"/> and maps the emulator's endpoints on it.
    /// </summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapTogetherEmulator();
        return app;
    }

    /// <summary><see cref="CreateBuilder"/> followed by <see cref="Build(WebApplicationBuilder)"/>.</summary>
    public static WebApplication Build(string[] args, EmulatorOptions? options = null, TimeProvider? time = null) =>
        Build(CreateBuilder(args, options, time));

    /// <summary>
    /// Registers the emulator's state (built from a copy of <paramref name="options"/>) and pipeline.
    /// </summary>
    public static IServiceCollection AddTogetherEmulator(
        this IServiceCollection services, EmulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var state = new EmulatorState(options, time);
        services.AddSingleton(state);
        services.AddSingleton(new Gate(state));
        return services;
    }

    /// <summary>Maps the API under <c>/v1</c> and the admin endpoints under <c>/_emulator</c>.</summary>
    public static IEndpointRouteBuilder MapTogetherEmulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        EmulatorEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// Starts the emulator in this process on <paramref name="url"/>; the default, port 0 on 127.0.0.1, picks a free
    /// port, which <see cref="RunningEmulator.Address"/> then tells.
    /// </summary>
    public static async Task<RunningEmulator> StartAsync(
        EmulatorOptions? options = null, string url = "http://127.0.0.1:0", TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var app = Build(["--urls", url], options ?? new EmulatorOptions(), time);
        await app.StartAsync(cancellationToken);
        return new RunningEmulator(app, ListeningAddress(app));
    }

    /// <summary>
    /// Runs the emulator until Ctrl+C or SIGTERM, with options from the <c>Emulator</c> configuration section. Once
    /// it listens it prints one line to standard output,
    /// <c>Together emulator listening on http://127.0.0.1:PORT/ (API base URL http://127.0.0.1:PORT/v1)</c>, which a
    /// parent process can wait for (useful with <c>--urls http://127.0.0.1:0</c>). Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        try
        {
            await app.StartAsync();
        }
        catch (System.IO.IOException exception)
        {
            // Kestrel reports a taken port this way; say so in one line rather than with a stack trace.
            await Console.Error.WriteLineAsync(
                $"The emulator could not listen: {exception.Message} Pick another port with --urls.");
            await app.DisposeAsync();
            return 2;
        }

        var address = ListeningAddress(app);
        Console.WriteLine($"Together emulator listening on {address} (API base URL {new Uri(address, "v1")})");
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? DefaultUrl;
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }
}
