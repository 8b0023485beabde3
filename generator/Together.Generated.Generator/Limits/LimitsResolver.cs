using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Limits;

/// <summary>An operation of the spec as endpoint rules see it.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template as the spec writes it, e.g. <c>/files/{id}</c>.</param>
/// <param name="OperationId">The spec's operationId, when it has one.</param>
/// <param name="Tags">The operation's tags.</param>
internal sealed record OperationKey(string Method, string Path, string? OperationId, EquatableArray<string> Tags);

/// <summary>What the limits file assigns one operation.</summary>
/// <param name="Limiters">Limiter names, acquired in this order.</param>
/// <param name="RetryPolicy">The retry policy's name.</param>
/// <param name="Idempotent">Whether a POST may be replayed when the server may already have processed it.</param>
/// <param name="FallbackModels">Models to try in order when retries on 503 run out.</param>
internal sealed record EndpointPolicy(
    EquatableArray<string> Limiters, string RetryPolicy, bool Idempotent, EquatableArray<string> FallbackModels);

/// <summary>
/// Assigns each operation its limiters and policy. The first rule, in file order, whose criteria all match wins;
/// whatever that rule leaves out comes from <c>defaults</c>, as everything does for an operation no rule matches.
/// </summary>
internal static class LimitsResolver
{
    /// <summary>The limiters, policy, idempotency and fallback models of one operation.</summary>
    public static EndpointPolicy Resolve(LimitsDocument doc, OperationKey op)
    {
        var rule = doc.Rules.FirstOrDefault(r => Matches(r, op));
        var defaults = doc.Defaults;
        return new EndpointPolicy(
            rule?.Limiters ?? defaults.Limiters,
            rule?.RetryPolicy ?? defaults.RetryPolicy,
            rule?.Idempotent ?? defaults.Idempotent,
            rule?.FallbackModels ?? EquatableArray<string>.Empty);
    }

    /// <summary>
    /// Informational diagnostics for rules that never apply: TG107 when a rule matches no operation (a typo, or an
    /// endpoint this spec version lacks), TG108 when every operation it matches is taken by an earlier rule.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> FindUnmatchedRules(
        LimitsDocument doc, string limitsFilePath, IEnumerable<OperationKey> ops)
    {
        var operations = ops.ToList();
        var diagnostics = new List<DiagnosticInfo>();
        var claimed = new HashSet<OperationKey>();
        foreach (var rule in doc.Rules)
        {
            var matched = operations.Where(op => Matches(rule, op)).ToList();
            var descriptor = matched.Count == 0
                ? GeneratorDiagnostics.LimitsRuleUnmatched
                : matched.All(claimed.Contains) ? GeneratorDiagnostics.LimitsRuleShadowed : null;
            if (descriptor is not null)
            {
                var number = rule.Number.ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(DiagnosticInfo.Create(
                    descriptor, limitsFilePath, rule.Line, rule.Column, number, rule.Describe()));
            }

            claimed.UnionWith(matched);
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>Whether every criterion the rule states matches the operation.</summary>
    public static bool Matches(EndpointRule rule, OperationKey op)
    {
        if (rule.OperationId is not null && !string.Equals(rule.OperationId, op.OperationId, StringComparison.Ordinal))
        {
            return false;
        }

        if (rule.Method is not null && !string.Equals(rule.Method, op.Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.PathPattern is not null && !PathPattern.Matches(rule.PathPattern, op.Path))
        {
            return false;
        }

        // Tags are matched ignoring case because the spec spells them inconsistently (Endpoints and endpoints).
        return rule.Tag is null || op.Tags.Any(t => string.Equals(t, rule.Tag, StringComparison.OrdinalIgnoreCase));
    }
}
