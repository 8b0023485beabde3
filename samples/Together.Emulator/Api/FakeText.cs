using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Together.Emulator;

/// <summary>
/// Deterministic stand-ins for model output and token counts: a token is about four characters of prompt, and an
/// answer is "Echo:" followed by the first words of the prompt, one word per completion token.
/// </summary>
internal static class FakeText
{
    /// <summary>At most this many words of the prompt are echoed, so that answers stay short.</summary>
    public const int EchoWords = 24;

    public const string Greeting = "Hello from the Together emulator.";

    public static int Tokens(string text) => text.Length == 0 ? 0 : (text.Length + 3) / 4;

    /// <summary>Prompt tokens of a request: characters / 4, rounded up, at least 1.</summary>
    public static int PromptTokens(string prompt) => Math.Max(1, Tokens(prompt));

    public static Reply Answer(string prompt, int? maxTokens, int defaultMaxTokens)
    {
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(EchoWords).ToList();
        var all = words.Count == 0
            ? Greeting.Split(' ').ToList()
            : new[] { "Echo:" }.Concat(words).ToList();
        var cap = Math.Max(0, maxTokens ?? defaultMaxTokens);
        var pieces = all.Take(cap).Select((word, i) => i == 0 ? word : " " + word).ToList();
        return new Reply(pieces, all.Count > cap ? "length" : "stop");
    }

    /// <summary>The text of a message's content: a string, or the text parts of a multimodal list.</summary>
    public static string ContentText(JsonElement? content)
    {
        if (content is not { } element)
        {
            return string.Empty;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() ?? string.Empty;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in element.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append(value.GetString());
            }
        }

        return text.ToString();
    }
}

/// <summary>A generated answer: its pieces (one per token and per stream chunk) and why it stopped.</summary>
internal sealed record Reply(IReadOnlyList<string> Pieces, string FinishReason)
{
    public string Text => string.Concat(Pieces);

    public int Tokens => Pieces.Count;
}
