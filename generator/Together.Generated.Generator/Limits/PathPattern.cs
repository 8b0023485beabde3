using System;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// Matches a rule's <c>path</c> against a spec's path template, segment by segment: <c>*</c> stands for any
/// characters within one segment, a whole <c>**</c> segment for any number of segments (none included), and a
/// <c>{name}</c> segment for any path parameter whatever its name. Everything else compares exactly.
/// </summary>
internal static class PathPattern
{
    /// <summary>Whether a rule's path is a usable pattern; <paramref name="why"/> says what is wrong if not.</summary>
    public static bool IsValid(string pattern, out string why)
    {
        why = string.Empty;
        if (!pattern.StartsWith("/", StringComparison.Ordinal))
        {
            why = $"a path starts with '/', as the spec's paths do; found '{pattern}'";
            return false;
        }

        foreach (var segment in Segments(pattern))
        {
            if (segment.Contains("**") && segment != "**")
            {
                why = $"'**' must be a whole segment, as in /fine-tunes/**; found '{segment}'";
                return false;
            }

            if (segment.Length == 0)
            {
                why = $"the path has an empty segment ('//'); found '{pattern}'";
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the pattern matches the spec's path template.</summary>
    public static bool Matches(string pattern, string path) => Matches(Segments(pattern), 0, Segments(path), 0);

    private static bool Matches(string[] pattern, int p, string[] path, int s)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == "**")
            {
                // Try every split: ** takes none, one, two ... of the remaining segments.
                for (var skip = s; skip <= path.Length; skip++)
                {
                    if (Matches(pattern, p + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || !SegmentMatches(pattern[p], path[s]))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length;
    }

    private static bool SegmentMatches(string pattern, string segment)
    {
        if (IsParameter(pattern))
        {
            return IsParameter(segment);
        }

        return Glob(pattern, 0, segment, 0);
    }

    private static bool Glob(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var rest = t; rest <= text.Length; rest++)
                {
                    if (Glob(pattern, p + 1, text, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || pattern[p] != text[t])
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    private static bool IsParameter(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}';

    // A trailing slash carries no meaning in a template; the root "/" has no segments.
    private static string[] Segments(string path)
    {
        var trimmed = path.Trim().TrimEnd('/');
        if (trimmed.StartsWith("/", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(1);
        }

        return trimmed.Length == 0 ? Array.Empty<string>() : trimmed.Split('/');
    }
}
