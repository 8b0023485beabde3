using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Together.Benchmarks.Generation;

/// <summary>Compiles a generator's output in memory and counts the compiler's errors (warnings are not asked about).
/// </summary>
public static class OutputCompiler
{
    /// <summary>
    /// What a net10.0 project defines: Kiota's output picks its nullable-annotated members by these symbols, so
    /// compiling without them would test the other branch than a user gets.
    /// </summary>
    private static readonly string[] Net10Symbols = new[] { "NET", "NETCOREAPP", "NET10_0" }
        .Concat(new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" }.Select(v => $"NETCOREAPP{v}_OR_GREATER"))
        .Concat(Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER"))
        .ToArray();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse,
        preprocessorSymbols: Net10Symbols);

    /// <summary>The error count, the first error as the compiler prints it, and the count per error code.</summary>
    public static (int Errors, string? First, string? ByCode) Errors(Compilation compilation)
    {
        // The compiler reports in no fixed order (it binds in parallel): sorted by place, "the first" is stable.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        var byCode = string.Join(", ", errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} ×{g.Count()}"));
        return (errors.Count, errors.Count == 0 ? null : errors[0].ToString(), errors.Count == 0 ? null : byCode);
    }

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create("GenerationBenchmark", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

    public static (int Errors, string? First, string? ByCode) Compile(IEnumerable<(string Path, string Text)> sources,
        IEnumerable<MetadataReference> references) =>
        Errors(Create(sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)), references));

    /// <summary>Lines as an editor counts them, blank and comment lines included.</summary>
    public static int Lines(string text) =>
        text.Length == 0 ? 0 : text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);
}
