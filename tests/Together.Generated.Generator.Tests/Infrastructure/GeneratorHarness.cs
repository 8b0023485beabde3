using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Together.Generated.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in-process with CSharpGeneratorDriver and compiles what it produced.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() => LoadReferences(true));

    private static readonly Lazy<ImmutableArray<MetadataReference>> ReferencesWithoutAI =
        new(() => LoadReferences(false));

    /// <summary>
    /// The parse options generated code is compiled with: the newest language version, with documentation
    /// comments checked so a public member without XML docs (CS1591) counts as a problem, as it does for a user
    /// who sets GenerateDocumentationFile.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    public static GeneratorResult Run(IEnumerable<(string Path, string Text)> additionalFiles,
        IEnumerable<string>? sources = null, string? clientNamespace = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool referenceAI = true)
    {
        var compilation = CreateCompilation(sources ?? Array.Empty<string>(), outputKind, referenceAI);
        var driver = CreateDriver(additionalFiles, clientNamespace);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorResult(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> additionalFiles,
        string? clientNamespace = null, bool trackSteps = false)
    {
        var texts = additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
        var options = new Dictionary<string, string>();
        if (clientNamespace is not null)
        {
            options["build_property.TogetherClientNamespace"] = clientNamespace;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new TogetherClientGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>
    /// A compilation of <paramref name="sources"/> over the framework, the runtime and, unless
    /// <paramref name="referenceAI"/> is false, Microsoft.Extensions.AI and Together.Generated.AI.
    /// </summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool referenceAI = true) =>
        CSharpCompilation.Create(
            "GeneratedClientTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            referenceAI ? References.Value : ReferencesWithoutAI.Value,
            new CSharpCompilationOptions(outputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Default));

    /// <summary>The compiler's errors and warnings (hidden and info diagnostics left out).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

    private static ImmutableArray<MetadataReference> LoadReferences(bool ai)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = typeof(global::Together.Generated.EndpointDescriptor).Assembly.Location;
        var aiRuntime = typeof(global::Together.Generated.AI.ChatRequestMapping).Assembly.Location;
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) ||
                Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" ||
                Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
                Path.GetFileName(p).StartsWith("Polly", StringComparison.Ordinal))
            .Where(p => ai || !Path.GetFileName(p).StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal))
            .Append(runtime)
            .Concat(ai ? new[] { aiRuntime } : Array.Empty<string>())
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public OptionsProvider(Dictionary<string, string> values) => _global = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorResult(
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<SyntaxTree> GeneratedTrees => RunResult.GeneratedTrees;

    public string Source(string hintName) =>
        RunResult.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();
}
