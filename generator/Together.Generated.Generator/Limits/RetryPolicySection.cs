using System.Collections.Generic;
using System.Linq;
using Together.Generated.Generator.Common;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>Reads <c>retry_policies</c>: a mapping of policy names to their settings.</summary>
internal static class RetryPolicySection
{
    private const int MaxRetriesCeiling = 100;

    private static readonly string[] Keys =
    {
        "max_retries", "base_delay", "max_delay", "max_wait", "jitter", "retry_on", "retry_500",
    };

    /// <summary>The declared policies, plus the implicit <c>default</c> when none has that name.</summary>
    public static List<RetryPolicySpec> Read(LimitsYamlReader reader, YamlNode? node)
    {
        var policies = new List<RetryPolicySpec>();
        if (node is not null && reader.Mapping(node, "retry_policies") is { } map)
        {
            foreach (var entry in map.Children)
            {
                var name = reader.String(entry.Key, "retry_policies");
                if (name is not null && reader.Mapping(entry.Value, "retry_policies." + name) is { } settings)
                {
                    policies.Add(ReadPolicy(reader, name, settings));
                }
            }
        }

        if (policies.All(p => p.Name != LimitsDocument.DefaultPolicyName))
        {
            // Endpoints need a policy name even in a file that declares none; the runtime's defaults stand in.
            policies.Add(RetryPolicySpec.CreateDefault(LimitsDocument.DefaultPolicyName));
        }

        return policies;
    }

    private static RetryPolicySpec ReadPolicy(LimitsYamlReader reader, string name, YamlMappingNode map)
    {
        var prefix = "retry_policies." + name + ".";
        var entries = reader.Entries(map, $"retry policy '{name}'", Keys);
        var defaults = RetryPolicySpec.CreateDefault(name);

        var maxRetries = LimitsYamlReader.Optional(
            entries, prefix, "max_retries", (n, k) => reader.Int(n, k, 0, MaxRetriesCeiling)) ?? defaults.MaxRetries;
        var baseDelay = LimitsYamlReader.Optional(entries, prefix, "base_delay", (n, k) => reader.Duration(n, k, 0))
            ?? defaults.BaseDelayMilliseconds;
        var maxDelay = LimitsYamlReader.Optional(entries, prefix, "max_delay", (n, k) => reader.Duration(n, k, 0))
            ?? defaults.MaxDelayMilliseconds;
        var maxWait = LimitsYamlReader.Optional(entries, prefix, "max_wait", (n, k) => reader.Duration(n, k, 0))
            ?? defaults.MaxWaitMilliseconds;
        var jitter = LimitsYamlReader.Optional(entries, prefix, "jitter", (n, k) => reader.Fraction(n, k, true))
            ?? defaults.Jitter;

        if (maxDelay < baseDelay)
        {
            if (entries.TryGetValue("max_delay", out var node))
            {
                reader.Invalid(node, prefix + "max_delay", "max_delay is shorter than base_delay");
            }
            else
            {
                reader.Invalid(entries["base_delay"], prefix + "base_delay", "base_delay is longer than max_delay");
            }

            maxDelay = baseDelay;
        }

        var statuses = entries.TryGetValue("retry_on", out var retryOn)
            ? Statuses(reader, retryOn, prefix + "retry_on")
            : defaults.RetryOn.ToList();
        if (entries.TryGetValue("retry_500", out var retry500) && reader.Bool(retry500, prefix + "retry_500") == true)
        {
            statuses.Add(500);
        }

        var sorted = statuses.Distinct().OrderBy(s => s).ToEquatableArray();
        return new RetryPolicySpec(name, maxRetries, baseDelay, maxDelay, maxWait, jitter, sorted);
    }

    private static List<int> Statuses(LimitsYamlReader reader, YamlNode node, string key)
    {
        var statuses = new List<int>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Invalid(node, key, "expected a list of HTTP statuses such as [429, 503]");
            return statuses;
        }

        foreach (var item in sequence.Children)
        {
            if (reader.Int(item, key, 100, 599) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }
}
