using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Together.Generated;

/// <summary>
/// The client's metrics and traces, both named <c>Together.Generated</c> (add that name to an OpenTelemetry meter
/// and tracer provider). Every measurement and span is tagged with the API key's fingerprint
/// (<c>together.key.fingerprint</c>), never the key, and never with a prompt, a completion or a server message.
/// </summary>
public static class TogetherTelemetry
{
    /// <summary>The name of the <see cref="Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string Name = "Together.Generated";

    internal const string KeyTag = "together.key.fingerprint";
    internal const string EndpointTag = "together.endpoint";
    internal const string LimiterTag = "together.limiter";
    internal const string ReasonTag = "together.retry.reason";
    internal const string StatusTag = "http.response.status_code";
    internal const string ModelTag = "gen_ai.request.model";

    private static readonly ConditionalWeakTable<LimiterRegistry, string> Registries = new();

    internal static readonly ActivitySource Source = new(Name, Version());

    internal static readonly Meter Meter = new(Name, Version());

    internal static readonly Histogram<double> PermitWait = Meter.CreateHistogram<double>(
        "together.client.permit.wait_time", "s", "Time an attempt waited for its limiter permits.");

    internal static readonly UpDownCounter<long> Queued = Meter.CreateUpDownCounter<long>(
        "together.client.permit.queued", "{call}", "Calls waiting in a limiter's queue.");

    internal static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "together.client.throttled", "{response}", "429 (rate limited) and 503 (overloaded) answers received.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "together.client.retries", "{retry}", "Retries scheduled, by reason.");

    internal static readonly Counter<long> TokensReserved = Meter.CreateCounter<long>(
        "together.client.tokens.reserved", "{token}",
        "Tokens a token budget charged up front, counted when the call settles.");

    internal static readonly Counter<long> TokensSettled = Meter.CreateCounter<long>(
        "together.client.tokens.settled", "{token}", "Tokens the server reported used, settled against reservations.");

    private static readonly ObservableGauge<double> Rates = Meter.CreateObservableGauge(
        "together.client.limiter.rate", ObserveRates, "{request}/min",
        "The rate each adaptive limiter partition runs at now.");

    /// <summary>Lets the rate gauge read <paramref name="registry"/> while it is alive.</summary>
    internal static void Track(LimiterRegistry registry, string fingerprint) =>
        Registries.AddOrUpdate(registry, fingerprint);

    internal static KeyValuePair<string, object?> Key(string fingerprint) => new(KeyTag, fingerprint);

    private static IEnumerable<Measurement<double>> ObserveRates()
    {
        foreach (var (registry, fingerprint) in Registries)
        {
            foreach (var rate in registry.GetEffectiveRates())
            {
                yield return new Measurement<double>(
                    rate.PerMinute, Key(fingerprint), new(LimiterTag, rate.Partition));
            }
        }
    }

    private static string Version() =>
        typeof(TogetherTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
