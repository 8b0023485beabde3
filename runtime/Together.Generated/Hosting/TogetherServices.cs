using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Together.Generated;

/// <summary>
/// Registers a generated client with dependency injection. The generated <c>AddTogetherClient</c> extension calls
/// this with the client's constructor; applications call that extension.
/// </summary>
public static class TogetherServices
{
    /// <summary>The configuration section read by default: <c>Together</c>.</summary>
    public const string DefaultSection = "Together";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton sending through the named <see cref="HttpClient"/>
    /// <typeparamref name="TClient"/>'s full name from <see cref="IHttpClientFactory"/>, with options read from the
    /// configuration section <paramref name="section"/> (when an <see cref="IConfiguration"/> is registered), then
    /// from <paramref name="configure"/>, and validated when the host starts. A singleton, not a transient typed
    /// client: the limiters are one per API key for the whole application, and the handler underneath is still the
    /// factory's pooled, rotated one. Logging goes to the registered <see cref="ILoggerFactory"/> and time follows
    /// a registered <see cref="TimeProvider"/> unless <paramref name="configure"/> sets its own.
    /// </summary>
    /// <returns>The named client's builder, to add handlers or change its primary handler.</returns>
    public static IHttpClientBuilder AddTogetherClient<TClient>(
        IServiceCollection services,
        Func<HttpClient, TogetherClientOptions, TClient> create,
        Func<TogetherLimits> compiledLimits,
        Action<TogetherClientOptions>? configure = null,
        string section = DefaultSection)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(compiledLimits);
        var name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var earlier = services.FirstOrDefault(d => d.ServiceType == typeof(Registration<TClient>))
            ?.ImplementationInstance as Registration<TClient>;
        if (earlier is not null)
        {
            // A second call would add a second configuration layer to the same one client, silently merging both.
            throw new InvalidOperationException(
                $"AddTogetherClient was already called for {typeof(TClient).Name} (configuration section "
                    + $"'{earlier.Section}'); call it once, and pass every change in its configure delegate.");
        }

        services.AddSingleton(new Registration<TClient>(section));
        services.AddOptions<TogetherClientOptions>(name)
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    // Unreadable values become validation failures, reported with the others at start-up.
                    options.ConfigurationErrors.AddRange(
                        TogetherConfiguration.ApplyCollectingErrors(configuration.GetSection(section), options));
                }

                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.TimeProvider = provider.GetService<TimeProvider>() ?? options.TimeProvider;
            })
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TogetherClientOptions>>(
            new TogetherOptionsValidator(name, compiledLimits));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<TogetherClientOptions>>().Get(name);
            var handler = new PooledHandler(provider.GetRequiredService<IHttpMessageHandlerFactory>(), name);
            var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            return create(http, options);
        });
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The client follows redirects itself, so that the key never follows one to another host.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
            })
            // The factory's own request loggers put header values, the bearer token among them, into their log
            // state at Trace level, where structured sinks write them out; the client logs each call itself.
            .RemoveAllLoggers();
    }

    // Marks that AddTogetherClient ran for TClient, and with which section.
    private sealed record Registration<TClient>(string Section);
}
