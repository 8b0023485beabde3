using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Common;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: TG0xx for the spec and generation,
/// TG1xx for the limits file (declared in the limits part of this class).
/// </summary>
internal static partial class GeneratorDiagnostics
{
    private const string SpecCategory = "Together.Spec";

    public static readonly DiagnosticDescriptor SpecUnreadable = new(
        "TG001", "OpenAPI spec cannot be read",
        "The OpenAPI spec '{0}' cannot be read: {1}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecProblem = new(
        "TG002", "OpenAPI spec problem",
        "The OpenAPI spec has a problem at {0}: {1}",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WebSocketSkipped = new(
        "TG003", "WebSocket operation skipped",
        "Operation {0} {1} is a WebSocket upgrade (101) and gets no generated method",
        SpecCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OddDefault = new(
        "TG004", "Default value ignored",
        "The default value of '{0}' does not fit its type {1} and is ignored",
        SpecCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "TG005", "Schema construct represented loosely",
        "Schema '{0}' uses {1}; it is represented as {2}",
        SpecCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MultipleSpecs = new(
        "TG006", "More than one OpenAPI spec",
        "More than one OpenAPI spec is listed in AdditionalFiles; '{0}' is used and '{1}' is ignored",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "TG007", "Generator failed",
        "Generating the Together client from '{0}' failed: {1}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedOperation = new(
        "TG008", "Operation skipped",
        "Operation {0} {1} is skipped: {2}",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MultipleLimits = new(
        "TG009", "More than one limits file",
        "More than one limits file is listed in AdditionalFiles; '{0}' is used and '{1}' is ignored",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    // Built on first use: the descriptors of the other part of this class may not be initialized yet
    // when this part's static fields are.
    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> ById =
        new(() => AllDescriptors().ToDictionary(d => d.Id));

    public static DiagnosticDescriptor Find(string id) => ById.Value[id];

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        new[]
        {
            SpecUnreadable, SpecProblem, WebSocketSkipped, OddDefault, UnsupportedConstruct, MultipleSpecs,
            GeneratorFailure, UnsupportedOperation, MultipleLimits,
        }.Concat(LimitsDescriptors());
}
