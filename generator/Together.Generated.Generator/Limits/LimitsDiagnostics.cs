using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Common;

/// <summary>Diagnostics for the limits file (TG1xx).</summary>
internal static partial class GeneratorDiagnostics
{
    private const string LimitsCategory = "Together.Limits";

    public static DiagnosticDescriptor LimitsUnreadable => LimitsSet.Unreadable;

    public static DiagnosticDescriptor LimitsUnknownKey => LimitsSet.UnknownKey;

    public static DiagnosticDescriptor LimitsInvalidValue => LimitsSet.InvalidValue;

    public static DiagnosticDescriptor LimitsUnknownName => LimitsSet.UnknownName;

    public static DiagnosticDescriptor LimitsUnsupportedVersion => LimitsSet.UnsupportedVersion;

    public static DiagnosticDescriptor LimitsMissingKey => LimitsSet.MissingKey;

    public static DiagnosticDescriptor LimitsIgnoredSetting => LimitsSet.IgnoredSetting;

    public static DiagnosticDescriptor LimitsRuleUnmatched => LimitsSet.RuleUnmatched;

    public static DiagnosticDescriptor LimitsRuleShadowed => LimitsSet.RuleShadowed;

    private static IEnumerable<DiagnosticDescriptor> LimitsDescriptors() => new[]
    {
        LimitsUnreadable, LimitsUnknownKey, LimitsInvalidValue, LimitsUnknownName, LimitsUnsupportedVersion,
        LimitsMissingKey, LimitsIgnoredSetting, LimitsRuleUnmatched, LimitsRuleShadowed,
    };

    /// <summary>
    /// The descriptors live in a nested class so they exist before the id index is built: static fields of one
    /// partial class spread over files initialize in an order no file controls.
    /// </summary>
    private static class LimitsSet
    {
        public static readonly DiagnosticDescriptor Unreadable = new(
            "TG100", "Limits file cannot be read",
            "The limits file '{0}' cannot be read: {1}",
            LimitsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnknownKey = new(
            "TG101", "Unknown key in the limits file",
            "Unknown key '{0}' in {1}; it is ignored",
            LimitsCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidValue = new(
            "TG102", "Invalid value in the limits file",
            "Invalid value for '{0}': {1}",
            LimitsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnknownName = new(
            "TG103", "Limits file names something undefined",
            "'{0}' names the {1} '{2}', which the limits file does not define",
            LimitsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnsupportedVersion = new(
            "TG104", "Unsupported limits file version",
            "The limits file has version '{0}'; this generator reads version 1 only",
            LimitsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor MissingKey = new(
            "TG105", "Required key missing from the limits file",
            "{0} requires {1}",
            LimitsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor IgnoredSetting = new(
            "TG106", "Limits setting has no effect",
            "'{0}' has no effect {1}",
            LimitsCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor RuleUnmatched = new(
            "TG107", "Endpoint rule matches no operation",
            "Endpoint rule {0} ({1}) matches no operation in the spec",
            LimitsCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor RuleShadowed = new(
            "TG108", "Endpoint rule is shadowed",
            "Endpoint rule {0} ({1}) never applies: every operation it matches is matched by an earlier rule",
            LimitsCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);
    }
}
