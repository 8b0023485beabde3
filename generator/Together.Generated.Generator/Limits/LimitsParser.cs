using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Together.Generated.Generator.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// Turns the text of a limits file into a <see cref="LimitsDocument"/> and located diagnostics. It never throws:
/// the compiler runs it on whatever a project lists, half-typed files included.
/// </summary>
internal static class LimitsParser
{
    private static readonly string[] TopLevelKeys =
    {
        "version", "limiters", "retry_policies", "defaults", "endpoints", "batches", "embedding_batch_size", "adaptive",
    };

    /// <summary>Parses one limits file.</summary>
    /// <param name="filePath">The file's path, as diagnostics name it.</param>
    /// <param name="text">The file's text; null or empty gives TG100.</param>
    public static LimitsParseResult Parse(string filePath, string text)
    {
        var reader = new LimitsYamlReader(filePath);
        try
        {
            var root = Load(reader, filePath, text);
            var document = root is null ? null : Read(reader, root);
            return new LimitsParseResult(document, reader.Diagnostics());
        }
        catch (YamlException ex)
        {
            reader.Report(GeneratorDiagnostics.LimitsUnreadable, ex.Start, filePath, Describe(ex));
        }
        catch (Exception ex)
        {
            // Nothing else is expected from YamlDotNet, but a generator that throws stops the whole build.
            reader.Report(GeneratorDiagnostics.LimitsUnreadable, Mark.Empty, filePath, ex.Message);
        }

        return new LimitsParseResult(null, reader.Diagnostics());
    }

    private static YamlMappingNode? Load(LimitsYamlReader reader, string filePath, string? text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text ?? string.Empty));
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        switch (root)
        {
            case null:
                reader.Report(GeneratorDiagnostics.LimitsUnreadable, Mark.Empty, filePath, "the file is empty");
                return null;
            case YamlMappingNode map:
                return map;
            default:
                reader.Report(GeneratorDiagnostics.LimitsUnreadable, root.Start, filePath,
                    "its top level must be a mapping of keys such as 'version' and 'limiters'");
                return null;
        }
    }

    private static LimitsDocument? Read(LimitsYamlReader reader, YamlMappingNode root)
    {
        var sections = reader.Entries(root, "the top level", TopLevelKeys);
        if (!ReadVersion(reader, root, sections))
        {
            return null;
        }

        var limiters = sections.TryGetValue("limiters", out var limitersNode)
            ? LimiterSection.Read(reader, limitersNode)
            : new List<LimiterSpec>();
        var policies = RetryPolicySection.Read(reader, sections.TryGetValue("retry_policies", out var p) ? p : null);
        var endpoints = new EndpointSection(reader, limiters.Select(l => l.Name), policies.Select(x => x.Name));

        var defaults = sections.TryGetValue("defaults", out var defaultsNode)
            ? endpoints.ReadDefaults(defaultsNode)
            : DefaultsSpec.Empty;
        var rules = sections.TryGetValue("endpoints", out var rulesNode)
            ? endpoints.ReadRules(rulesNode)
            : new List<EndpointRule>();
        var batches = sections.TryGetValue("batches", out var batchesNode)
            ? SettingsSection.ReadBatches(reader, batchesNode)
            : BatchSpec.Default;
        var embeddingBatchSize = LimitsYamlReader.Optional(
            sections, string.Empty, "embedding_batch_size", (n, k) => reader.Int(n, k, 1));
        var adaptive = sections.TryGetValue("adaptive", out var adaptiveNode)
            ? SettingsSection.ReadAdaptive(reader, adaptiveNode)
            : AdaptiveSpec.Default;

        return new LimitsDocument(
            LimitsDocument.SupportedVersion,
            limiters.ToEquatableArray(),
            policies.ToEquatableArray(),
            rules.ToEquatableArray(),
            defaults,
            batches,
            embeddingBatchSize ?? LimitsDocument.DefaultEmbeddingBatchSize,
            adaptive);
    }

    /// <summary>False when the version rules the file out; a missing one is reported and read as version 1.</summary>
    private static bool ReadVersion(
        LimitsYamlReader reader, YamlMappingNode root, Dictionary<string, YamlNode> sections)
    {
        if (!sections.TryGetValue("version", out var node))
        {
            reader.Report(GeneratorDiagnostics.LimitsMissingKey, root.Start, "The limits file", "'version: 1'");
            return true;
        }

        var text = (node as YamlScalarNode)?.Value?.Trim();
        if (text == LimitsDocument.SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return true;
        }

        // A later format may change any section's meaning: reading it as version 1 could silently mislimit calls.
        reader.Report(GeneratorDiagnostics.LimitsUnsupportedVersion, node.Start, text ?? node.ToString());
        return false;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its message with the marks, which the diagnostic's location already gives.
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(", StringComparison.Ordinal) && close > 0 ? message.Substring(close + 3) : message;
    }
}
