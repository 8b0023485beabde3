using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Together.Generated.Generator.Limits;

/// <summary>The small value grammars of the limits file: durations, sizes and the enumerations' words.</summary>
internal static class LimitsValues
{
    // Long enough for any real window or delay, short enough that no sum of parts overflows a long.
    private const long MaxDurationMilliseconds = 366L * 24 * 60 * 60 * 1000;

    private static readonly Regex DurationPart = new(@"\G(\d{1,9})(ms|s|m|h|d)", RegexOptions.CultureInvariant);

    private static readonly Regex SizePattern = new(
        @"^(\d{1,12})\s*(b|kb|mb|gb)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static readonly IReadOnlyDictionary<string, LimiterAlgorithm> Kinds =
        new Dictionary<string, LimiterAlgorithm>(StringComparer.Ordinal)
        {
            ["token_bucket"] = LimiterAlgorithm.TokenBucket,
            ["sliding_window"] = LimiterAlgorithm.SlidingWindow,
            ["concurrency"] = LimiterAlgorithm.Concurrency,
            ["job_slots"] = LimiterAlgorithm.JobSlots,
        };

    public static readonly IReadOnlyDictionary<string, LimiterScope> Scopes =
        new Dictionary<string, LimiterScope>(StringComparer.Ordinal)
        {
            ["key"] = LimiterScope.Key,
            ["model"] = LimiterScope.Model,
            ["endpoint"] = LimiterScope.Endpoint,
        };

    public static readonly IReadOnlyDictionary<string, LimiterUnit> Units =
        new Dictionary<string, LimiterUnit>(StringComparer.Ordinal)
        {
            ["requests"] = LimiterUnit.Requests,
            ["tokens"] = LimiterUnit.Tokens,
        };

    /// <summary>HTTP methods a rule may name.</summary>
    public static readonly IReadOnlyList<string> Methods =
        new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE" };

    private static readonly IReadOnlyDictionary<string, long> NamedWindows =
        new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["second"] = 1_000,
            ["minute"] = 60_000,
            ["hour"] = 3_600_000,
            ["day"] = 86_400_000,
        };

    /// <summary>
    /// Parses <c>second|minute|hour|day</c> or one or more number-unit parts (<c>ms s m h d</c>), e.g. <c>1m30s</c>.
    /// </summary>
    public static bool TryParseDuration(string text, out long milliseconds)
    {
        if (NamedWindows.TryGetValue(text, out milliseconds))
        {
            return true;
        }

        milliseconds = 0;
        var position = 0;
        while (position < text.Length)
        {
            var part = DurationPart.Match(text, position);
            if (!part.Success)
            {
                return false;
            }

            milliseconds += long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture) * UnitMilliseconds(
                part.Groups[2].Value);
            position += part.Length;
            if (milliseconds > MaxDurationMilliseconds)
            {
                return false;
            }
        }

        return position > 0;
    }

    /// <summary>Parses a byte count with an optional binary unit: <c>100MB</c> is 100 x 1024 x 1024 bytes.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern.Match(text);
        if (!match.Success)
        {
            return false;
        }

        var factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "kb" => 1024L,
            "mb" => 1024L * 1024,
            "gb" => 1024L * 1024 * 1024,
            _ => 1L,
        };
        var count = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (count > long.MaxValue / factor)
        {
            return false;
        }

        bytes = count * factor;
        return true;
    }

    /// <summary>The words an enumeration accepts, for messages: <c>a, b or c</c>.</summary>
    public static string Choices<T>(IReadOnlyDictionary<string, T> words) => Choices(words.Keys);

    public static string Choices(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1];
    }

    private static long UnitMilliseconds(string unit) => unit switch
    {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => 86_400_000,
    };
}
