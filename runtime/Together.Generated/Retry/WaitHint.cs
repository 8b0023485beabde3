using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace Together.Generated;

/// <summary>
/// Reads how long the server asks the client to wait, from the first of these that holds a usable value:
/// <c>x-ratelimit-reset</c> (seconds, what Together sends on a 429), <c>retry-after-ms</c> (milliseconds, used by
/// other OpenAI-compatible servers), then <c>Retry-After</c> (delta-seconds, or an HTTP-date taken relative to the
/// response's <c>Date</c> header so that a skewed local clock does not distort it). Malformed, negative, past and
/// absurd values are ignored, so the next form or the policy's backoff applies.
/// </summary>
internal static class WaitHint
{
    /// <summary>Longer than this is no wait hint but a broken header (or an epoch time in the wrong field).</summary>
    public static readonly TimeSpan Absurd = TimeSpan.FromDays(1);

    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now) =>
        Seconds(First(headers, "x-ratelimit-reset"))
        ?? Milliseconds(First(headers, "retry-after-ms"))

        // The Date header is parsed only for a Retry-After, the one form that may need it.
        ?? (First(headers, "Retry-After") is { } retryAfter ? RetryAfter(retryAfter, headers.Date ?? now) : null);

    /// <summary>A relative number of seconds, fractions allowed.</summary>
    public static TimeSpan? Seconds(string? value) =>
        TryNumber(value, out var seconds) ? Sane(TimeSpan.FromSeconds(seconds)) : null;

    /// <summary>A relative number of milliseconds, fractions allowed.</summary>
    public static TimeSpan? Milliseconds(string? value) =>
        TryNumber(value, out var ms) ? Sane(TimeSpan.FromMilliseconds(ms)) : null;

    /// <summary>A <c>Retry-After</c> value: delta-seconds, or an HTTP-date from <paramref name="date"/>.</summary>
    public static TimeSpan? RetryAfter(string? value, DateTimeOffset date)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > Absurd.TotalSeconds ? null : Sane(TimeSpan.FromSeconds(seconds));
        }

        return DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var at)
            ? Sane(at - date)
            : null;
    }

    private static bool TryNumber(string? value, out double number) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
            | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number)
        && number <= Absurd.TotalSeconds * 1000;

    private static TimeSpan? Sane(TimeSpan wait) => wait >= TimeSpan.Zero && wait <= Absurd ? wait : null;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
