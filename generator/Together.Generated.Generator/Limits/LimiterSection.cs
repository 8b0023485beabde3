using System.Collections.Generic;
using Together.Generated.Generator.Common;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>Reads <c>limiters</c>: a mapping of limiter names to their settings.</summary>
internal static class LimiterSection
{
    private static readonly string[] Keys =
    {
        "kind", "budget", "run_at", "per", "unit", "scope", "burst", "queue_limit", "tokens_per_request", "models",
    };

    public static List<LimiterSpec> Read(LimitsYamlReader reader, YamlNode node)
    {
        var limiters = new List<LimiterSpec>();
        if (reader.Mapping(node, "limiters") is not { } map)
        {
            return limiters;
        }

        foreach (var entry in map.Children)
        {
            var name = reader.String(entry.Key, "limiters");
            if (name is not null && reader.Mapping(entry.Value, "limiters." + name) is { } settings)
            {
                limiters.Add(ReadLimiter(reader, name, entry.Key, settings));
            }
        }

        return limiters;
    }

    private static LimiterSpec ReadLimiter(LimitsYamlReader reader, string name, YamlNode nameNode, YamlMappingNode map)
    {
        var prefix = "limiters." + name + ".";
        var entries = reader.Entries(map, $"limiter '{name}'", Keys);

        var kind = Word(reader, entries, prefix + "kind", LimitsValues.Kinds) ?? LimiterAlgorithm.TokenBucket;
        var unit = Word(reader, entries, prefix + "unit", LimitsValues.Units) ?? LimiterUnit.Requests;
        var scope = Word(reader, entries, prefix + "scope", LimitsValues.Scopes) ?? LimiterScope.Key;

        int? budget = null;
        if (entries.TryGetValue("budget", out var budgetNode))
        {
            budget = reader.Int(budgetNode, prefix + "budget", 1);
        }
        else
        {
            reader.Report(GeneratorDiagnostics.LimitsMissingKey, nameNode.Start, $"Limiter '{name}'", "'budget'");
        }

        var runAt = RunAt(reader, entries, prefix + "run_at", budget);
        var window = LimitsYamlReader.Optional(entries, prefix, "per", (n, k) => reader.Duration(n, k, 1))
            ?? LimiterSpec.DefaultWindowMilliseconds;
        var burst = LimitsYamlReader.Optional(entries, prefix, "burst", (n, k) => reader.Int(n, k, 0)) ?? 0;
        var queueLimit = LimitsYamlReader.Optional(entries, prefix, "queue_limit", (n, k) => reader.Int(n, k, 0))
            ?? LimiterSpec.DefaultQueueLimit;
        var tokensPerRequest = LimitsYamlReader.Optional(
            entries, prefix, "tokens_per_request", (n, k) => reader.Int(n, k, 1))
            ?? LimiterSpec.DefaultTokensPerRequest;
        var models = entries.TryGetValue("models", out var modelsNode)
            ? ReadModels(reader, modelsNode, prefix + "models")
            : EquatableArray<ModelBudgetSpec>.Empty;

        CheckCombination(reader, entries, prefix, kind, unit, scope);

        // After a reported bad budget, keep the document coherent (run_at never above budget).
        var effectiveBudget = budget ?? runAt ?? 1;
        return new LimiterSpec(
            name, kind, effectiveBudget, runAt ?? effectiveBudget, window, unit, scope, burst, queueLimit,
            tokensPerRequest, models);
    }

    /// <summary>Settings valid alone that mean nothing, or nonsense, with the limiter's kind, unit or scope.</summary>
    private static void CheckCombination(
        LimitsYamlReader reader, Dictionary<string, YamlNode> entries, string prefix,
        LimiterAlgorithm kind, LimiterUnit unit, LimiterScope scope)
    {
        var counting = kind is LimiterAlgorithm.Concurrency or LimiterAlgorithm.JobSlots;
        var kindWord = kind == LimiterAlgorithm.Concurrency ? "concurrency" : "job_slots";
        if (counting && entries.TryGetValue("per", out var per))
        {
            Ignored(reader, per, prefix + "per", $"on a {kindWord} limiter, which counts what is in flight");
        }

        if (kind != LimiterAlgorithm.TokenBucket && entries.TryGetValue("burst", out var burst))
        {
            Ignored(reader, burst, prefix + "burst", "on a limiter other than a token_bucket");
        }

        if (counting && unit == LimiterUnit.Tokens)
        {
            reader.Invalid(entries["unit"], prefix + "unit", $"a {kindWord} limiter counts requests, not tokens");
        }

        if (unit == LimiterUnit.Requests && entries.TryGetValue("tokens_per_request", out var tokens))
        {
            Ignored(reader, tokens, prefix + "tokens_per_request", "on a limiter whose unit is requests");
        }

        if (scope != LimiterScope.Model && entries.TryGetValue("models", out var models))
        {
            Ignored(reader, models, prefix + "models", "unless the limiter's scope is model");
        }
    }

    private static EquatableArray<ModelBudgetSpec> ReadModels(LimitsYamlReader reader, YamlNode node, string key)
    {
        var models = new List<ModelBudgetSpec>();
        if (reader.Mapping(node, key) is not { } map)
        {
            return models.ToEquatableArray();
        }

        foreach (var entry in map.Children)
        {
            var model = reader.String(entry.Key, key);
            if (model is null)
            {
                continue;
            }

            var modelKey = $"{key}.{model}";
            if (entry.Value is YamlScalarNode)
            {
                // The short form `model: 60` is both the budget and the rate the limiter runs at.
                if (reader.Int(entry.Value, modelKey, 1) is { } both)
                {
                    models.Add(new ModelBudgetSpec(model, both, both));
                }

                continue;
            }

            if (ReadModel(reader, entry, modelKey, model) is { } spec)
            {
                models.Add(spec);
            }
        }

        return models.ToEquatableArray();
    }

    private static ModelBudgetSpec? ReadModel(
        LimitsYamlReader reader, KeyValuePair<YamlNode, YamlNode> entry, string key, string model)
    {
        if (reader.Mapping(entry.Value, key) is not { } map)
        {
            return null;
        }

        var entries = reader.Entries(map, $"the budget of model '{model}'", "budget", "run_at");
        if (!entries.TryGetValue("budget", out var budgetNode))
        {
            reader.Report(
                GeneratorDiagnostics.LimitsMissingKey, entry.Key.Start, $"The budget of model '{model}'", "'budget'");
            return null;
        }

        var budget = reader.Int(budgetNode, key + ".budget", 1);
        var runAt = RunAt(reader, entries, key + ".run_at", budget);
        return budget is null ? null : new ModelBudgetSpec(model, budget.Value, runAt ?? budget.Value);
    }

    private static int? RunAt(LimitsYamlReader reader, Dictionary<string, YamlNode> entries, string key, int? budget)
    {
        if (!entries.TryGetValue("run_at", out var node) || reader.Int(node, key, 1) is not { } runAt)
        {
            return null;
        }

        if (budget is not null && runAt > budget)
        {
            // Running above the account's budget only buys 429s; the figure is meant as headroom below it.
            reader.Invalid(node, key, $"run_at {runAt} is above the budget {budget}");
            return null;
        }

        return runAt;
    }

    private static T? Word<T>(
        LimitsYamlReader reader, Dictionary<string, YamlNode> entries, string key, IReadOnlyDictionary<string, T> words)
        where T : struct
    {
        var name = key.Substring(key.LastIndexOf('.') + 1);
        if (!entries.TryGetValue(name, out var node) || reader.String(node, key) is not { } text)
        {
            return null;
        }

        if (words.TryGetValue(text, out var value))
        {
            return value;
        }

        reader.Invalid(node, key, $"expected {LimitsValues.Choices(words)}, found '{text}'");
        return null;
    }

    private static void Ignored(LimitsYamlReader reader, YamlNode node, string key, string why) =>
        reader.Report(GeneratorDiagnostics.LimitsIgnoredSetting, node.Start, key, why);
}
