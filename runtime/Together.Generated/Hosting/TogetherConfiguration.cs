using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Together.Generated;

/// <summary>
/// Reads a configuration section (by default <c>Together</c>) into <see cref="TogetherClientOptions"/>:
/// <c>ApiKey</c>, <c>BaseUrl</c>, <c>AllowInsecureHttp</c>, <c>AttemptTimeout</c> and <c>TotalTimeout</c> (as
/// <c>00:01:00</c>), <c>AdaptiveRates</c>, and <c>Limiters:&lt;name&gt;</c> with <c>Budget</c>, <c>RunAt</c>,
/// <c>Per</c> and <c>QueueLimit</c>. Keys that are absent leave the options as they are (the environment variables
/// <c>TOGETHER_API_KEY</c> and <c>TOGETHER_BASE_URL</c> are the options' own defaults). Read by hand rather than by
/// the reflection binder, so that trimmed and native-AOT applications bind it too.
/// </summary>
public static class TogetherConfiguration
{
    /// <summary>Applies <paramref name="section"/> to <paramref name="options"/>.</summary>
    /// <exception cref="FormatException">A value cannot be read; the message names its configuration path.</exception>
    public static void Apply(IConfiguration section, TogetherClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        if (section["ApiKey"] is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        if (section["BaseUrl"] is { Length: > 0 } url)
        {
            options.BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri
                : throw Bad(section, "BaseUrl", "an absolute URL");
        }

        options.AllowInsecureHttp =
            Read<bool>(section, "AllowInsecureHttp", bool.TryParse) ?? options.AllowInsecureHttp;
        options.AttemptTimeout = Read<TimeSpan>(section, "AttemptTimeout", TryTime) ?? options.AttemptTimeout;
        options.TotalTimeout = Read<TimeSpan>(section, "TotalTimeout", TryTime) ?? options.TotalTimeout;
        if (Read<bool>(section, "AdaptiveRates", bool.TryParse) is { } adaptive)
        {
            var previous = options.ConfigureLimits;
            options.ConfigureLimits = limits =>
            {
                limits.Adaptive.Enabled = adaptive;
                previous?.Invoke(limits);
            };
        }

        foreach (var limiter in section.GetSection("Limiters").GetChildren())
        {
            var change = options.Limiters.TryGetValue(limiter.Key, out var existing) ? existing : new LimiterOverride();
            change.Budget = Read<int>(limiter, "Budget", TryInt) ?? change.Budget;
            change.RunAt = Read<int>(limiter, "RunAt", TryInt) ?? change.RunAt;
            change.Per = Read<TimeSpan>(limiter, "Per", TryTime) ?? change.Per;
            change.QueueLimit = Read<int>(limiter, "QueueLimit", TryInt) ?? change.QueueLimit;
            options.Limiters[limiter.Key] = change;
        }
    }

    private delegate bool Parser<T>(string text, out T value);

    private static T? Read<T>(IConfiguration section, string key, Parser<T> parse)
        where T : struct =>
        section[key] is not { Length: > 0 } text ? null
        : parse(text, out var value) ? value
        : throw Bad(section, key, Expected<T>());

    private static string Expected<T>() =>
        typeof(T) == typeof(TimeSpan) ? "a duration such as 00:01:00"
        : typeof(T) == typeof(bool) ? "true or false"
        : "a whole number";

    private static bool TryTime(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    // The value is not echoed: under ApiKey's neighbours it could be a secret put in the wrong key.
    private static FormatException Bad(IConfiguration section, string key, string expected) =>
        new($"Configuration value '{Path(section, key)}' is not {expected}.");

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
}
