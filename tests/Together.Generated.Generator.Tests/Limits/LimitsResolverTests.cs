using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>Precedence (first match in file order wins; gaps come from defaults) and rules that never apply.</summary>
public sealed class LimitsResolverTests
{
    private const string Header =
        "version: 1\n" +
        "limiters:\n  a: { budget: 1 }\n  b: { budget: 1 }\n  c: { budget: 1 }\n" +
        "retry_policies:\n  slow: { max_retries: 1 }\n" +
        "defaults:\n  limiters: [c]\n  retry_policy: slow\n  idempotent: true\n" +
        "endpoints:\n";

    private static readonly OperationKey CreateFineTune = Op("POST", "/fine-tunes", null, "Fine-tuning");
    private static readonly OperationKey GetFineTune = Op("GET", "/fine-tunes/{id}", null, "Fine-tuning");
    private static readonly OperationKey Chat = Op("POST", "/chat/completions", "chat-completions", "Chat");

    private static OperationKey Op(string method, string path, string? id, string tag) =>
        new(method, path, id, new[] { tag }.ToEquatableArray());

    private static LimitsDocument Rules(string rules) => LimitsTestFiles.ParseClean(Header + rules);

    [Fact]
    public void Resolve_TwoRulesMatch_FirstInFileWinsEvenIfLessSpecific()
    {
        var doc = Rules(
            "  - tag: Fine-tuning\n    limiters: [a]\n  - path: /fine-tunes\n    method: POST\n    limiters: [b]\n");

        Assert.Equal(new[] { "a" }, LimitsResolver.Resolve(doc, CreateFineTune).Limiters);
    }

    [Fact]
    public void Resolve_RuleLeavesOutPolicyAndIdempotent_TakesThemFromDefaults()
    {
        var doc = Rules("  - operation_id: chat-completions\n    limiters: [a, b]\n");

        var policy = LimitsResolver.Resolve(doc, Chat);

        Assert.Equal(new[] { "a", "b" }, policy.Limiters);
        Assert.Equal(("slow", true), (policy.RetryPolicy, policy.Idempotent));
    }

    [Fact]
    public void Resolve_RuleLeavesOutLimiters_TakesDefaultLimitersButExplicitEmptyListMeansNone()
    {
        var doc = Rules(
            "  - operation_id: chat-completions\n    idempotent: false\n  - tag: fine-tuning\n    limiters: []\n");

        Assert.Equal(new[] { "c" }, LimitsResolver.Resolve(doc, Chat).Limiters);
        Assert.False(LimitsResolver.Resolve(doc, Chat).Idempotent);
        Assert.Empty(LimitsResolver.Resolve(doc, GetFineTune).Limiters);
    }

    [Fact]
    public void Resolve_NoRuleMatches_GetsDefaults()
    {
        var doc = Rules("  - operation_id: embeddings\n    limiters: [a]\n    fallback_models: [x]\n");

        var expected = new EndpointPolicy(new[] { "c" }.ToEquatableArray(), "slow", true, default);
        Assert.Equal(expected, LimitsResolver.Resolve(doc, Chat));
    }

    [Fact]
    public void Resolve_MethodAndPathBothGiven_OtherMethodOnSamePathFallsThrough()
    {
        var doc = Rules("  - path: /fine-tunes/**\n    method: post\n    limiters: [a]\n");

        Assert.Equal(new[] { "a" }, LimitsResolver.Resolve(doc, CreateFineTune).Limiters);
        Assert.Equal(new[] { "c" }, LimitsResolver.Resolve(doc, GetFineTune).Limiters);
    }

    [Fact]
    public void Resolve_TagInOtherCase_Matches()
    {
        var doc = Rules("  - tag: FINE-TUNING\n    limiters: [b]\n    fallback_models: [m1, m2]\n");

        var policy = LimitsResolver.Resolve(doc, GetFineTune);

        Assert.Equal(new[] { "b" }, policy.Limiters);
        Assert.Equal(new[] { "m1", "m2" }, policy.FallbackModels);
    }

    [Fact]
    public void Resolve_OperationIdInOtherCase_DoesNotMatch()
    {
        var doc = Rules("  - operation_id: Chat-Completions\n    limiters: [a]\n");

        Assert.Equal(new[] { "c" }, LimitsResolver.Resolve(doc, Chat).Limiters);
    }

    [Fact]
    public void FindUnmatchedRules_RuleMatchingNothing_ReportsTG107InfoAtTheRule()
    {
        var doc = Rules(
            "  - operation_id: chat-completions\n    limiters: [a]\n  - path: /videos\n    limiters: [b]\n");

        var diagnostics = LimitsResolver.FindUnmatchedRules(doc, "my.limits.yaml", new[] { Chat, CreateFineTune });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("TG107", "my.limits.yaml"), (diagnostic.Id, diagnostic.FilePath));
        Assert.Equal((Header.Count(c => c == '\n') + 2, 4), (diagnostic.Line, diagnostic.Column));
        Assert.Equal(new[] { "2", "path: /videos" }, diagnostic.Arguments);
        Assert.Equal(DiagnosticSeverity.Info, GeneratorDiagnostics.Find("TG107").DefaultSeverity);
    }

    [Fact]
    public void FindUnmatchedRules_RuleCoveredByEarlierRules_ReportsTG108()
    {
        var doc = Rules("  - tag: Fine-tuning\n    limiters: [a]\n  - path: /fine-tunes\n    limiters: [b]\n");

        var diagnostics = LimitsResolver.FindUnmatchedRules(doc, "x", new[] { Chat, CreateFineTune, GetFineTune });

        Assert.Equal("TG108", Assert.Single(diagnostics).Id);
        Assert.Equal("2", diagnostics[0].Arguments[0]);
    }

    [Fact]
    public void FindUnmatchedRules_EveryRuleApplies_ReportsNothing()
    {
        var doc = Rules("  - path: /fine-tunes\n    limiters: [b]\n  - tag: Fine-tuning\n    limiters: [a]\n");

        Assert.Empty(LimitsResolver.FindUnmatchedRules(doc, "x", new[] { Chat, CreateFineTune, GetFineTune }));
    }
}
