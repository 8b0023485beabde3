using System;
using System.Collections.Generic;
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
    public static void Apply(IConfiguration section, TogetherClientOptions options) =>
        new Reader(null).Apply(section, options);

    /// <summary>
    /// Like <see cref="Apply"/>, but a value that cannot be read is left out and described in the returned list
    /// rather than thrown, so that start-up validation can report every problem at once.
    /// </summary>
    public static IReadOnlyList<string> ApplyCollectingErrors(IConfiguration section, TogetherClientOptions options)
    {
        var errors = new List<string>();
        new Reader(errors).Apply(section, options);
        return errors;
    }

    private delegate bool Parser<T>(string text, out T value);

    // Throws on an unreadable value, or, given a list, records it there and reads on.
    private sealed class Reader(List<string>? errors)
    {
        public void Apply(IConfiguration section, TogetherClientOptions options)
        {
            ArgumentNullException.ThrowIfNull(section);
            ArgumentNullException.ThrowIfNull(options);
            if (section["ApiKey"] is { Length: > 0 } key)
            {
                options.ApiKey = key;
            }

            if (section["BaseUrl"] is { Length: > 0 } url)
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    options.BaseUrl = uri;
                }
                else
                {
                    Bad(section, "BaseUrl", "an absolute URL");
                }
            }

            options.AllowInsecureHttp =
                Read<bool>(section, "AllowInsecureHttp", bool.TryParse) ?? options.AllowInsecureHttp;
            options.AttemptTimeout = Read<TimeSpan>(section, "AttemptTimeout", TryTime) ?? options.AttemptTimeout;
            options.TotalTimeout = Read<TimeSpan>(section, "TotalTimeout", TryTime) ?? options.TotalTimeout;
            options.AdaptiveRates = Read<bool>(section, "AdaptiveRates", bool.TryParse) ?? options.AdaptiveRates;
            foreach (var limiter in section.GetSection("Limiters").GetChildren())
            {
                var change = options.Limiters.TryGetValue(limiter.Key, out var existing)
                    ? existing
                    : new LimiterOverride();
                change.Budget = Read<int>(limiter, "Budget", TryInt) ?? change.Budget;
                change.RunAt = Read<int>(limiter, "RunAt", TryInt) ?? change.RunAt;
                change.Per = Read<TimeSpan>(limiter, "Per", TryTime) ?? change.Per;
                change.QueueLimit = Read<int>(limiter, "QueueLimit", TryInt) ?? change.QueueLimit;
                options.Limiters[limiter.Key] = change;
            }
        }

        private T? Read<T>(IConfiguration section, string key, Parser<T> parse)
            where T : struct
        {
            if (section[key] is not { Length: > 0 } text)
            {
                return null;
            }

            if (parse(text, out var value))
            {
                return value;
            }

            Bad(section, key, Expected<T>());
            return null;
        }

        // The value is not echoed: under ApiKey's neighbours it could be a secret put in the wrong key.
        private void Bad(IConfiguration section, string key, string expected)
        {
            var message = $"Configuration value '{Path(section, key)}' is not {expected}.";
            if (errors is null)
            {
                throw new FormatException(message);
            }

            errors.Add(message);
        }
    }

    private static string Expected<T>() =>
        typeof(T) == typeof(TimeSpan) ? "a duration such as 00:01:00"
        : typeof(T) == typeof(bool) ? "true or false"
        : "a whole number";

    private static bool TryTime(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
}
