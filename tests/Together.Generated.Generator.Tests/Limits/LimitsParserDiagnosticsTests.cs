using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>Problems in a readable file: each is reported once, with its id and zero-based location.</summary>
public sealed class LimitsParserDiagnosticsTests
{
    private static DiagnosticInfo Single(string yaml, string id)
    {
        var result = LimitsTestFiles.Parse(yaml);
        return Assert.Single(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_WarnsTG101AtTheKey()
    {
        var diagnostic = Single("version: 1\nlimiters: {}\nlimitters: {}\n", "TG101");

        Assert.Equal((LimitsTestFiles.FileName, 2, 0), (diagnostic.FilePath, diagnostic.Line, diagnostic.Column));
        Assert.Equal("limitters", diagnostic.Arguments[0]);
        Assert.Equal(DiagnosticSeverity.Warning, GeneratorDiagnostics.Find(diagnostic.Id).DefaultSeverity);
    }

    [Fact]
    public void Parse_UnknownLimiterKey_WarnsTG101AndKeepsTheLimiter()
    {
        const string Yaml = "version: 1\nlimiters:\n  chat:\n    budget: 10\n    bursts: 5\n";

        var result = LimitsTestFiles.Parse(Yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG101", 4, 4), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
        Assert.Equal(10, Assert.Single(result.Document!.Limiters).Budget);
    }

    [Theory]
    [InlineData("    budget: -5\n", "limiters.chat.budget")]
    [InlineData("    budget: 10\n    run_at: 11\n", "limiters.chat.run_at")]
    [InlineData("    budget: 10\n    per: 1 minute\n", "limiters.chat.per")]
    [InlineData("    budget: 10\n    per: 0s\n", "limiters.chat.per")]
    [InlineData("    budget: 10\n    kind: leaky_bucket\n", "limiters.chat.kind")]
    [InlineData("    budget: 10\n    scope: region\n", "limiters.chat.scope")]
    [InlineData("    budget: 10\n    queue_limit: [1]\n", "limiters.chat.queue_limit")]
    [InlineData("    budget: 10\n    kind: concurrency\n    unit: tokens\n", "limiters.chat.unit")]
    public void Parse_WrongLimiterValue_ReportsTG102AtTheValue(string settings, string key)
    {
        var yaml = "version: 1\nlimiters:\n  chat:\n" + settings;

        var diagnostic = Single(yaml, "TG102");

        Assert.Equal(key, diagnostic.Arguments[0]);
        Assert.Equal(yaml.Split('\n').Length - 2, diagnostic.Line);
        Assert.Equal(DiagnosticSeverity.Error, GeneratorDiagnostics.Find(diagnostic.Id).DefaultSeverity);
    }

    [Fact]
    public void Parse_RunAtAboveBudget_FallsBackToTheBudget()
    {
        var result = LimitsTestFiles.Parse("version: 1\nlimiters:\n  chat: { budget: 10, run_at: 11 }\n");

        Assert.Equal(10, result.Document!.Limiters[0].RunAt);
    }

    [Theory]
    [InlineData("    max_delay: soon\n", "retry_policies.default.max_delay")]
    [InlineData("    jitter: 1.5\n", "retry_policies.default.jitter")]
    [InlineData("    retry_on: [429, 600]\n", "retry_policies.default.retry_on")]
    [InlineData("    base_delay: 10s\n    max_delay: 5s\n", "retry_policies.default.max_delay")]
    [InlineData("    retry_500: yes-please\n", "retry_policies.default.retry_500")]
    public void Parse_WrongPolicyValue_ReportsTG102AtTheValue(string settings, string key)
    {
        var yaml = "version: 1\nretry_policies:\n  default:\n" + settings;

        var diagnostic = Single(yaml, "TG102");

        Assert.Equal(key, diagnostic.Arguments[0]);
        Assert.Equal(yaml.Split('\n').Length - 2, diagnostic.Line);
    }

    [Fact]
    public void Parse_RuleNamingUndefinedLimiter_ReportsTG103AndLeavesItOut()
    {
        const string Yaml = "version: 1\nlimiters:\n  chat: { budget: 5 }\nendpoints:\n" +
            "  - operation_id: chat-completions\n    limiters: [chat, chatt]\n";

        var result = LimitsTestFiles.Parse(Yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG103", 5, 21), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
        Assert.Equal(new[] { "endpoints[1].limiters", "limiter", "chatt" }, diagnostic.Arguments);
        Assert.Equal(new[] { "chat" }, result.Document!.Rules[0].Limiters!.Value);
    }

    [Fact]
    public void Parse_DefaultsNamingUndefinedPolicy_ReportsTG103AndKeepsDefault()
    {
        var result = LimitsTestFiles.Parse("version: 1\ndefaults:\n  retry_policy: patient\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG103", 2, 16), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
        Assert.Equal("default", result.Document!.Defaults.RetryPolicy);
    }

    [Theory]
    [InlineData("version: 2\n")]
    [InlineData("version: one\n")]
    public void Parse_UnsupportedVersion_ReportsTG104AndNoDocument(string yaml)
    {
        var result = LimitsTestFiles.Parse(yaml + "limiters: {}\n");

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG104", 0, 9), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Parse_LimiterWithoutBudget_ReportsTG105AtItsName()
    {
        var diagnostic = Single("version: 1\nlimiters:\n  chat:\n    run_at: 5\n", "TG105");

        Assert.Equal((2, 2), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Parse_RuleWithoutCriteria_ReportsTG105AndDropsTheRule()
    {
        var result = LimitsTestFiles.Parse("version: 1\nendpoints:\n  - idempotent: true\n");

        Assert.Equal("TG105", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.Document!.Rules);
    }

    [Fact]
    public void Parse_RuleWhoseOnlyCriterionIsInvalid_DropsTheRuleRatherThanMatchAll()
    {
        var result = LimitsTestFiles.Parse("version: 1\nendpoints:\n  - path: fine-tunes\n    idempotent: true\n");

        Assert.Equal("TG102", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.Document!.Rules);
    }

    [Theory]
    [InlineData("kind: concurrency\n    per: second", "limiters.slots.per")]
    [InlineData("kind: sliding_window\n    burst: 5", "limiters.slots.burst")]
    [InlineData("tokens_per_request: 500", "limiters.slots.tokens_per_request")]
    [InlineData("models: { m: 5 }", "limiters.slots.models")]
    public void Parse_SettingWithoutEffect_WarnsTG106(string settings, string key)
    {
        var diagnostic = Single($"version: 1\nlimiters:\n  slots:\n    budget: 5\n    {settings}\n", "TG106");

        Assert.Equal(key, diagnostic.Arguments[0]);
    }

    [Fact]
    public void Parse_MissingVersion_ReportsTG105ButReadsTheRest()
    {
        var result = LimitsTestFiles.Parse("limiters:\n  chat: { budget: 5 }\n");

        Assert.Equal("TG105", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("chat", Assert.Single(result.Document!.Limiters).Name);
    }
}
