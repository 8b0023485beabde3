using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Diagnostics;

/// <summary>What every run on bad input must satisfy, and shorthands to read a diagnostic's place.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// The generator did not throw (no exception on the run, no CS8785, no TG007), every diagnostic it reported
    /// names one of <paramref name="paths"/>, and whatever it generated compiles without errors.
    /// </summary>
    public static void DidNotCrash(GeneratorResult result, params string[] paths)
    {
        var run = Assert.Single(result.RunResult.Results);
        Assert.Null(run.Exception);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "TG007");
        Assert.All(result.GeneratorDiagnostics, d =>
        {
            Assert.StartsWith("TG", d.Id, StringComparison.Ordinal);
            Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
            Assert.Contains(d.Location.GetLineSpan().Path, paths);
        });
        var errors = GeneratorHarness.Problems(result.Output).Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
    }

    /// <summary>The zero-based line of a diagnostic.</summary>
    public static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line;

    /// <summary>The zero-based number of the first line of <paramref name="text"/> with a marker.</summary>
    public static int LineOf(string text, string marker)
    {
        var index = Array.FindIndex(text.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, marker + " is not in the text");
        return index;
    }

    /// <summary>The ids the run reported, sorted, for comparing as a whole.</summary>
    public static IEnumerable<string> Ids(GeneratorResult result) =>
        result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal);
}
