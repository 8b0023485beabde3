using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Together.Benchmarks.Generation;

/// <summary>The Markdown the command prints and writes: one table per question, each cell as measured.</summary>
public static class GenerationTables
{
    public static IEnumerable<string> Versions(IReadOnlyList<GenerationOutcome> outcomes)
    {
        yield return "| spec | spec operations | first generation (fresh process) | process start → output ready "
            + "| second generation (same process) | files | lines | compile errors | endpoint methods "
            + "| operations covered |";
        yield return "|---|---|---|---|---|---|---|---|---|---|";
        foreach (var o in outcomes)
        {
            yield return o.Failure is not null
                ? $"| {o.Spec} | {o.SpecOperations} | failed: {Cell(o.Failure)} | | | | | | | |"
                : $"| {o.Spec} | {o.SpecOperations} | {Ms(o.FirstRunMs)} | {Ms(o.ProcessToOutputMs)} "
                    + $"| {Ms(o.SecondRunMs)} | {o.Files} | {o.Lines} | {Compiles(o)} | {o.OperationMethods} "
                    + $"| {Covered(o)} |";
        }
    }

    public static IEnumerable<string> Peers(IReadOnlyList<GenerationOutcome> outcomes)
    {
        yield return "| generator | first generation (fresh process) | process start → output ready "
            + "| second generation (same process) | compiles | operations covered | operation methods | files "
            + "| lines |";
        yield return "|---|---|---|---|---|---|---|---|---|";
        foreach (var o in outcomes)
        {
            yield return o.Failure is not null
                ? $"| {o.Generator} | failed: {Cell(o.Failure)} | | | | 0 of {o.SpecOperations} | | | |"
                : $"| {o.Generator} | {Ms(o.FirstRunMs, "not separable: a whole process")} "
                    + $"| {Ms(o.ProcessToOutputMs)} | {Ms(o.SecondRunMs, "n/a: every run is a new process")} "
                    + $"| {Compiles(o)} | {Covered(o)} | {o.OperationMethods} | {o.Files} | {o.Lines} |";
        }
    }

    /// <summary>The first compiler error and notes of each outcome, so a count in a table can be checked.</summary>
    public static IEnumerable<string> Details(IEnumerable<GenerationOutcome> outcomes) =>
        outcomes.SelectMany(o => new[]
            {
                o.FirstCompileError is null
                    ? null
                    : $"compile errors by code: {o.CompileErrorCodes}; the first: `{o.FirstCompileError}`",
                o.Unmatched is null ? null : $"methods sending no counted operation: {o.Unmatched}",
                o.Note,
            }
            .Where(d => d is not null)
            .Select(d => $"- {o.Generator}, {o.Spec}: {Cell(d!)}"));

    private static string Compiles(GenerationOutcome o) => o.CompileErrors switch
    {
        null => "not compiled",
        0 => "yes (0 errors)",
        1 => "no (1 error)",
        var n => $"no ({n} errors)",
    };

    private static string Covered(GenerationOutcome o) =>
        o.OperationsCovered is { } n ? $"{n} of {o.SpecOperations}" : "not measured";

    private static string Ms(double? ms, string missing = "not measured") =>
        ms is { } v ? (v / 1000).ToString("0.00 s", CultureInfo.InvariantCulture) : missing;

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
