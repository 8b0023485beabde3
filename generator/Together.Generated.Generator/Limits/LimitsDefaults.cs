using System;
using System.IO;
using System.Linq;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// The built-in limits: spec/together.limits.yaml, embedded in the generator, for projects that list no limits
/// file of their own.
/// </summary>
internal static class LimitsDefaults
{
    /// <summary>The name diagnostics give the built-in file.</summary>
    public const string FileName = "together.limits.yaml (built in)";

    private const string ResourceName = "Together.Generated.Generator.together.limits.yaml";

    private static readonly Lazy<LimitsDocument> Parsed = new(Load);

    /// <summary>The built-in document, parsed once per generator load.</summary>
    public static LimitsDocument Document => Parsed.Value;

    /// <summary>The built-in file's text, as embedded.</summary>
    public static string Text()
    {
        using var stream = typeof(LimitsDefaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The generator lacks its embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static LimitsDocument Load()
    {
        var result = LimitsParser.Parse(FileName, Text());

        // The file ships inside the generator and a test parses it clean; a problem here is a packaging bug.
        if (result.Document is null || result.Diagnostics.Count > 0)
        {
            var problems = string.Join("; ", result.Diagnostics.Select(d => $"{d.Id} line {d.Line + 1}"));
            throw new InvalidOperationException($"The built-in limits file does not parse cleanly: {problems}");
        }

        return result.Document;
    }
}
