using System;
using System.Globalization;
using System.Text.Json;

namespace Together.Generated;

/// <summary>
/// Reads the error shapes Together's endpoints use: <c>{"error":{"message","type","param","code"}}</c>,
/// <c>{"error":"text"}</c> (batches), flat <c>{"code","message","param","type"}</c> (queue),
/// <c>{"code":int,"message"}</c> and untyped objects (deployments), plain text, HTML from a proxy, or nothing.
/// </summary>
internal static class ErrorBodyParser
{
    // A proxy's HTML page or a stack trace is no message; the first line of short plain text usually is.
    private const int MaxTextMessage = 500;

    public static ErrorDetails Parse(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ErrorDetails.None;
        }

        if (text[0] is '{' or '[' or '"')
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the plain-text rule.
            }
        }

        return text[0] == '<' ? ErrorDetails.None : new ErrorDetails(FirstLine(text), null, null, null);
    }

    public static ErrorDetails FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.String)
        {
            return new ErrorDetails(root.GetString(), null, null, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ErrorDetails.None;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                return Flat(error);
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                return new ErrorDetails(error.GetString(), Text(root, "type"), Text(root, "code"), null);
            }
        }

        return Flat(root);
    }

    private static ErrorDetails Flat(JsonElement element) =>
        new(
            Text(element, "message") ?? Text(element, "detail") ?? Text(element, "msg"),
            Text(element, "type"),
            Text(element, "code"),
            Text(element, "param"));

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text.Substring(0, end);
        return line.Length <= MaxTextMessage ? line : line.Substring(0, MaxTextMessage) + "…";
    }
}
