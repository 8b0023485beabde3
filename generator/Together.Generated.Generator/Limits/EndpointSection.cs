using System.Collections.Generic;
using System.Linq;
using Together.Generated.Generator.Common;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// Reads <c>defaults</c> and <c>endpoints</c>, checking that every limiter and retry policy they name is defined.
/// A name that is not is reported and left out, so the generated client never refers to a missing limiter.
/// </summary>
internal sealed class EndpointSection
{
    private static readonly string[] RuleKeys =
    {
        "operation_id", "path", "method", "tag", "limiters", "retry_policy", "idempotent", "fallback_models",
    };

    private const string CriteriaChoice = "one of 'operation_id', 'path', 'method' or 'tag'";

    private readonly LimitsYamlReader _reader;
    private readonly HashSet<string> _limiters;
    private readonly HashSet<string> _policies;

    public EndpointSection(LimitsYamlReader reader, IEnumerable<string> limiters, IEnumerable<string> policies)
    {
        _reader = reader;
        _limiters = new HashSet<string>(limiters, System.StringComparer.Ordinal);
        _policies = new HashSet<string>(policies, System.StringComparer.Ordinal);
    }

    public DefaultsSpec ReadDefaults(YamlNode node)
    {
        if (_reader.Mapping(node, "defaults") is not { } map)
        {
            return DefaultsSpec.Empty;
        }

        var entries = _reader.Entries(map, "defaults", "limiters", "retry_policy", "idempotent");
        return new DefaultsSpec(
            Limiters(entries, "defaults.") ?? EquatableArray<string>.Empty,
            Policy(entries, "defaults.") ?? LimitsDocument.DefaultPolicyName,
            LimitsYamlReader.Optional(entries, "defaults.", "idempotent", _reader.Bool) ?? false);
    }

    public List<EndpointRule> ReadRules(YamlNode node)
    {
        var rules = new List<EndpointRule>();
        if (node is not YamlSequenceNode sequence)
        {
            _reader.Invalid(node, "endpoints", "expected a list of rules, each starting with '- '");
            return rules;
        }

        var number = 0;
        foreach (var item in sequence.Children)
        {
            number++;
            if (_reader.Mapping(item, $"endpoints[{number}]") is { } map && ReadRule(map, number) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private EndpointRule? ReadRule(YamlMappingNode map, int number)
    {
        var prefix = $"endpoints[{number}].";
        var entries = _reader.Entries(map, $"endpoint rule {number}", RuleKeys);
        if (!entries.ContainsKey("operation_id") && !entries.ContainsKey("path") && !entries.ContainsKey("tag") &&
            !entries.ContainsKey("method"))
        {
            // A rule without criteria would match everything: that is what `defaults` is for.
            _reader.Report(
                GeneratorDiagnostics.LimitsMissingKey, map.Start, $"Endpoint rule {number}", CriteriaChoice);
            return null;
        }

        var operationId = Text(entries, prefix, "operation_id");
        var path = Text(entries, prefix, "path");
        if (path is not null && !PathPattern.IsValid(path, out var why))
        {
            _reader.Invalid(entries["path"], prefix + "path", why);
            path = null;
        }

        var method = Text(entries, prefix, "method")?.ToUpperInvariant();
        if (method is not null && !LimitsValues.Methods.Contains(method))
        {
            var choices = LimitsValues.Choices(LimitsValues.Methods);
            _reader.Invalid(entries["method"], prefix + "method", $"expected {choices}, found '{method}'");
            method = null;
        }

        var tag = Text(entries, prefix, "tag");
        if (operationId is null && path is null && method is null && tag is null)
        {
            // Every criterion was unusable and is reported; without one the rule would match every operation.
            return null;
        }

        var fallback = entries.TryGetValue("fallback_models", out var fallbackNode)
            ? _reader.Names(fallbackNode, prefix + "fallback_models")?.Select(n => n.Name).ToEquatableArray()
            : null;
        return new EndpointRule(
            number,
            (int)map.Start.Line - 1,
            (int)map.Start.Column - 1,
            operationId,
            path,
            method,
            tag,
            Limiters(entries, prefix),
            Policy(entries, prefix),
            LimitsYamlReader.Optional(entries, prefix, "idempotent", _reader.Bool),
            fallback);
    }

    private string? Text(Dictionary<string, YamlNode> entries, string prefix, string name) =>
        entries.TryGetValue(name, out var node) ? _reader.String(node, prefix + name) : null;

    private EquatableArray<string>? Limiters(Dictionary<string, YamlNode> entries, string prefix)
    {
        if (!entries.TryGetValue("limiters", out var node) || _reader.Names(node, prefix + "limiters") is not { } names)
        {
            return null;
        }

        return names.Where(n => Known(n.Name, n.Node, _limiters, prefix + "limiters", "limiter"))
            .Select(n => n.Name)
            .ToEquatableArray();
    }

    private string? Policy(Dictionary<string, YamlNode> entries, string prefix)
    {
        if (!entries.TryGetValue("retry_policy", out var node) ||
            _reader.String(node, prefix + "retry_policy") is not { } name)
        {
            return null;
        }

        return Known(name, node, _policies, prefix + "retry_policy", "retry policy") ? name : null;
    }

    private bool Known(string name, YamlNode node, HashSet<string> defined, string key, string what)
    {
        if (defined.Contains(name))
        {
            return true;
        }

        _reader.Report(GeneratorDiagnostics.LimitsUnknownName, node.Start, key, what, name);
        return false;
    }
}
