using System;
using System.Globalization;
using System.Linq;
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

    /// <summary>Reads the figures from <paramref name="headers"/>.</summary>
    public static RateLimitHeaders From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitHeaders
        {
            RequestLimit = Number(headers, "x-ratelimit-limit"),
            RequestsRemaining = Number(headers, "x-ratelimit-remaining"),
            Reset = Number(headers, "x-ratelimit-reset") is { } seconds && seconds <= WaitHint.Absurd.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null,
            TokenLimit = Number(headers, "x-tokenlimit-limit"),
            TokensRemaining = Number(headers, "x-tokenlimit-remaining"),
        };
    }

    private static double? Number(HttpResponseHeaders headers, string name) =>
        Parse(headers, name) ?? Parse(headers, name + "-dynamic");

    private static double? Parse(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
        && double.IsFinite(n) && n >= 0
            ? n
            : null;
}
