using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace Together.Generated;

/// <summary>
/// The rate-limit figures a response carried, in the server's units (Together's are per second). Each is null when
/// the header was absent or not a number. Together has sent <c>x-ratelimit-*</c> and <c>x-tokenlimit-*</c> on every
/// response, and <c>-dynamic</c> variants for its dynamic limits; a plain header wins over its dynamic variant.
/// </summary>
public sealed record RateLimitHeaders
{
    /// <summary>Requests allowed (<c>x-ratelimit-limit</c>).</summary>
    public double? RequestLimit { get; init; }

    /// <summary>Requests left (<c>x-ratelimit-remaining</c>).</summary>
    public double? RequestsRemaining { get; init; }

    /// <summary>When the request budget resets, from now (<c>x-ratelimit-reset</c>, seconds).</summary>
    public TimeSpan? Reset { get; init; }

    /// <summary>Tokens allowed (<c>x-tokenlimit-limit</c>).</summary>
    public double? TokenLimit { get; init; }

    /// <summary>Tokens left (<c>x-tokenlimit-remaining</c>).</summary>
    public double? TokensRemaining { get; init; }

    /// <summary>Whether any of the figures was present.</summary>
    public bool Any =>
        RequestLimit is not null || RequestsRemaining is not null || Reset is not null || TokenLimit is not null
        || TokensRemaining is not null;

    // Each figure's header, then its dynamic variant: index 2k is plain, 2k + 1 dynamic.
    private static readonly string[] Names =
    [
        "x-ratelimit-limit", "x-ratelimit-limit-dynamic",
        "x-ratelimit-remaining", "x-ratelimit-remaining-dynamic",
        "x-ratelimit-reset", "x-ratelimit-reset-dynamic",
        "x-tokenlimit-limit", "x-tokenlimit-limit-dynamic",
        "x-tokenlimit-remaining", "x-tokenlimit-remaining-dynamic",
    ];

    // What a response without any of the headers reads as; records compare by value, so one instance serves all.
    private static readonly RateLimitHeaders None = new();

    /// <summary>Reads the figures from <paramref name="headers"/>.</summary>
    public static RateLimitHeaders From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);

        // One pass over the headers as they arrived rather than a lookup for each of the ten names: a response has a
        // handful of headers, often none of these. Absent and unusable values are NaN.
        Span<double> found = stackalloc double[Names.Length];
        found.Fill(double.NaN);
        var any = false;
        foreach (var header in headers.NonValidated)
        {
            var index = IndexOf(header.Key);
            if (index >= 0 && FirstValue(header.Value) is { } value)
            {
                found[index] = Parse(value);
                any = true;
            }
        }

        if (!any)
        {
            return None;
        }

        var reset = Figure(found, 4);
        return new RateLimitHeaders
        {
            RequestLimit = Figure(found, 0),
            RequestsRemaining = Figure(found, 2),
            Reset = reset is { } seconds && seconds <= WaitHint.Absurd.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null,
            TokenLimit = Figure(found, 6),
            TokensRemaining = Figure(found, 8),
        };
    }

    private static int IndexOf(string name)
    {
        if (!name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(name, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    // The first value, as the validated view gives it: one with a line break in it is not a valid header value.
    private static string? FirstValue(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') < 0)
            {
                return value;
            }
        }

        return null;
    }

    // The plain header's figure when usable, else its dynamic variant's.
    private static double? Figure(ReadOnlySpan<double> found, int plain) =>
        !double.IsNaN(found[plain]) ? found[plain]
        : !double.IsNaN(found[plain + 1]) ? found[plain + 1]
        : null;

    private static double Parse(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
        && double.IsFinite(n) && n >= 0
            ? n
            : double.NaN;
}
