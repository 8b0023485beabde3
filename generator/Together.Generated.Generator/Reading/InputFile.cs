using System;
using System.Text.RegularExpressions;

namespace Together.Generated.Generator.Reading;

/// <summary>An AdditionalFile's path and text, value-equal so unchanged files are cached.</summary>
internal sealed record InputFile(string Path, string Text)
{
    private static readonly Regex OpenApiKey = new(
        @"^\s*(""openapi""\s*:|openapi\s*:)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex YamlOpenApiKey = new(
        @"^openapi\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex VersionKey = new(
        @"^version\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex LimitsKey = new(
        @"^(limiters|endpoints)\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// What the file is, by content rather than name: a top-level <c>openapi</c> key makes a spec (YAML or JSON);
    /// a top-level <c>version</c> key beside <c>limiters</c> or <c>endpoints</c> makes a limits file.
    /// Only .yaml, .yml and .json files are looked at.
    /// </summary>
    public InputKind Kind
    {
        get
        {
            var extension = System.IO.Path.GetExtension(Path);
            if (!IsOneOf(extension, ".yaml", ".yml", ".json"))
            {
                return InputKind.Other;
            }

            var json = Text.TrimStart().StartsWith("{", StringComparison.Ordinal);
            if (json ? OpenApiKey.IsMatch(Text) : YamlOpenApiKey.IsMatch(Text))
            {
                return InputKind.Spec;
            }

            return VersionKey.IsMatch(Text) && LimitsKey.IsMatch(Text) ? InputKind.Limits : InputKind.Other;
        }
    }

    private static bool IsOneOf(string value, params string[] options) =>
        Array.Exists(options, o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
}

internal enum InputKind
{
    Other,
    Spec,
    Limits,
}
