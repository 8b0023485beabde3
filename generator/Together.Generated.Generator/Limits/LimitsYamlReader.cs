using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// Reads typed values out of YAML nodes and reports every problem at the node's location. A reader method returns
/// null when the value is unusable, after reporting it, so a section falls back to the default and reads on.
/// </summary>
internal sealed class LimitsYamlReader
{
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public LimitsYamlReader(string filePath) => _filePath = filePath;

    public bool HasErrors { get; private set; }

    /// <summary>The diagnostics so far, in file order.</summary>
    public EquatableArray<DiagnosticInfo> Diagnostics() => _diagnostics
        .OrderBy(d => d.Line).ThenBy(d => d.Column).ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, Mark at, params string[] arguments)
    {
        // YamlDotNet counts lines and columns from one; Roslyn's positions count from zero.
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, (int)at.Line - 1, (int)at.Column - 1, arguments));
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    public void Invalid(YamlNode node, string key, string why) =>
        Report(GeneratorDiagnostics.LimitsInvalidValue, node.Start, key, why);

    /// <summary>
    /// The entries of a mapping whose keys are among <paramref name="known"/>; other keys are reported as unknown
    /// (a warning: a newer file read by an older generator still builds).
    /// </summary>
    public Dictionary<string, YamlNode> Entries(YamlMappingNode map, string where, params string[] known)
    {
        var result = new Dictionary<string, YamlNode>(System.StringComparer.Ordinal);
        foreach (var entry in map.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value;
            if (key is not null && known.Contains(key))
            {
                result[key] = entry.Value;
            }
            else
            {
                Report(GeneratorDiagnostics.LimitsUnknownKey, entry.Key.Start, key ?? entry.Key.ToString(), where);
            }
        }

        return result;
    }

    /// <summary>
    /// Reads an optional entry, passing the reader its node and dotted key (<paramref name="prefix"/> + name):
    /// null when the entry is absent or, after a report, unusable.
    /// </summary>
    public static T? Optional<T>(
        Dictionary<string, YamlNode> entries, string prefix, string name, System.Func<YamlNode, string, T?> read)
        where T : struct =>
        entries.TryGetValue(name, out var node) ? read(node, prefix + name) : null;

    public YamlMappingNode? Mapping(YamlNode node, string key)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Invalid(node, key, "expected a mapping of keys to values");
        return null;
    }

    public string? String(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar) && scalar.Value!.Trim().Length > 0)
        {
            return scalar.Value.Trim();
        }

        Invalid(node, key, "expected a non-empty text");
        return null;
    }

    public int? Int(YamlNode node, string key, int min, int max = int.MaxValue)
    {
        var text = Scalar(node);
        if (text is not null && long.TryParse(text.Replace("_", string.Empty), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return (int)value;
        }

        Invalid(node, key, $"expected a whole number from {Range(min, max)}, found '{text ?? Shape(node)}'");
        return null;
    }

    public double? Fraction(YamlNode node, string key, bool allowZero)
    {
        var text = Scalar(node);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (allowZero ? value >= 0 : value > 0) && value <= 1)
        {
            return value;
        }

        var range = allowZero ? "from 0 to 1" : "above 0 and at most 1";
        Invalid(node, key, $"expected a number {range}, found '{text ?? Shape(node)}'");
        return null;
    }

    public bool? Bool(YamlNode node, string key)
    {
        var text = Scalar(node)?.ToLowerInvariant();
        if (text is "true" or "false")
        {
            return text == "true";
        }

        Invalid(node, key, $"expected true or false, found '{text ?? Shape(node)}'");
        return null;
    }

    public long? Duration(YamlNode node, string key, long minMilliseconds)
    {
        var text = Scalar(node);
        if (text is not null && LimitsValues.TryParseDuration(text, out var ms) && ms >= minMilliseconds)
        {
            return ms;
        }

        var floor = minMilliseconds > 0 ? "a positive duration" : "a duration";
        Invalid(node, key, $"expected {floor} such as 500ms, 10s, 1m, 1h or 1m30s, found '{text ?? Shape(node)}'");
        return null;
    }

    public long? Size(YamlNode node, string key)
    {
        var text = Scalar(node);
        if (text is not null && LimitsValues.TryParseSize(text, out var bytes) && bytes > 0)
        {
            return bytes;
        }

        Invalid(node, key, $"expected a positive size such as 100MB, 512KB or 1048576, found '{text ?? Shape(node)}'");
        return null;
    }

    /// <summary>A list of names; an entry that is not a name is reported and left out, so is a repeated one.</summary>
    public List<(string Name, YamlNode Node)>? Names(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Invalid(node, key, "expected a list such as [a, b]");
            return null;
        }

        var names = new List<(string Name, YamlNode Node)>();
        foreach (var item in sequence.Children)
        {
            var name = String(item, key);
            if (name is not null && names.Any(n => n.Name == name))
            {
                Invalid(item, key, $"'{name}' is listed twice");
            }
            else if (name is not null)
            {
                names.Add((name, item));
            }
        }

        return names;
    }

    /// <summary>The text of a plain value, or null when the node is a list, a mapping or an empty value.</summary>
    private static string? Scalar(YamlNode node) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value!.Trim() : null;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Value is null ||
        (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "nothing",
    };

    private static string Range(int min, int max) =>
        max == int.MaxValue ? $"{min} up" : $"{min} to {max}";
}
