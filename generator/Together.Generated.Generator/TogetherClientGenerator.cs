using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Emit;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Model;
using Together.Generated.Generator.Reading;

namespace Together.Generated.Generator;

/// <summary>
/// Reads an OpenAPI spec and a limits file from AdditionalFiles and emits a typed Together client.
/// The spec and the limits file are read in separate steps, so editing one does not re-read the other.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TogetherClientGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps, for incremental tests.</summary>
    public static class Steps
    {
        /// <summary>An AdditionalFile read into memory.</summary>
        public const string Files = "Files";

        /// <summary>The spec parsed into the model.</summary>
        public const string Spec = "Spec";

        /// <summary>The limits file parsed.</summary>
        public const string Limits = "Limits";

        /// <summary>The generated namespace chosen.</summary>
        public const string Namespace = "Namespace";

        /// <summary>Whether the compilation references Microsoft.Extensions.AI and Together.Generated.AI.</summary>
        public const string AIReferenced = "AIReferenced";
    }

    /// <summary>The MSBuild property naming the generated client's namespace (default <c>Together</c>).</summary>
    public const string NamespaceProperty = "build_property.TogetherClientNamespace";

    /// <summary>The type whose presence says Microsoft.Extensions.AI is referenced.</summary>
    public const string ChatClientType = "Microsoft.Extensions.AI.IChatClient";

    /// <summary>
    /// The runtime helper the emitted adapters call; its presence says Together.Generated.AI is referenced.
    /// </summary>
    public const string AIHelperType = "Together.Generated.AI.ChatRequestMapping";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Select(static (text, token) => new InputFile(text.Path, text.GetText(token)?.ToString() ?? string.Empty))
            .WithTrackingName(Steps.Files);

        var specs = files
            .Where(static file => file.Kind == InputKind.Spec)
            .Select(static (file, _) => SpecReader.Read(file.Path, file.Text))
            .WithTrackingName(Steps.Spec)
            .Collect();

        var limits = files
            .Where(static file => file.Kind == InputKind.Limits)
            .Select(static (file, _) => new LimitsInput(file.Path, LimitsParser.Parse(file.Path, file.Text)))
            .WithTrackingName(Steps.Limits)
            .Collect();

        var @namespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(NamespaceProperty, out var value) && !string.IsNullOrWhiteSpace(value)
                    ? value.Trim()
                    : "Together")
            .WithTrackingName(Steps.Namespace);

        // A bool, not the compilation: every edit makes a new compilation, but the answer seldom changes, so the
        // steps after it stay cached.
        var aiReferenced = context.CompilationProvider
            .Select(static (compilation, _) =>
                compilation.GetTypeByMetadataName(ChatClientType) is not null
                && compilation.GetTypeByMetadataName(AIHelperType) is not null)
            .WithTrackingName(Steps.AIReferenced);

        var input = specs.Combine(limits).Combine(@namespace).Combine(aiReferenced);
        context.RegisterSourceOutput(input, static (output, pair) =>
            Generate(output, pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right));
    }

    private static void Generate(SourceProductionContext output, ImmutableArray<SpecModel> specs,
        ImmutableArray<LimitsInput> limits, string @namespace, bool aiReferenced)
    {
        var specPath = specs.Length > 0 ? specs[0].FilePath : "(none)";
        try
        {
            foreach (var extra in specs.Skip(1))
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(GeneratorDiagnostics.MultipleSpecs, extra.FilePath, 0, 0,
                    specs[0].FilePath, extra.FilePath).ToDiagnostic());
            }

            foreach (var extra in limits.Skip(1))
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(GeneratorDiagnostics.MultipleLimits, extra.Path, 0, 0,
                    limits[0].Path, extra.Path).ToDiagnostic());
            }

            if (specs.Length == 0)
            {
                return;
            }

            var spec = specs[0];
            foreach (var diagnostic in spec.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            var limitsFile = limits.Length > 0 ? limits[0] : null;
            foreach (var diagnostic in limitsFile?.Result.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (spec.Operations.Count == 0 && spec.Types.Count == 0)
            {
                return;
            }

            var document = limitsFile is null ? LimitsDefaults.Document : limitsFile.Result.Document;
            if (document is null)
            {
                // The limits file has errors, already reported; generating with other limits would hide them.
                return;
            }

            ClientSources.Add(output, spec, document, limitsFile?.Path, @namespace, aiReferenced);
        }
        catch (Exception exception)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(GeneratorDiagnostics.GeneratorFailure, specPath, 0, 0,
                specPath, exception.GetType().Name + ": " + exception.Message).ToDiagnostic());
        }
    }

    private sealed record LimitsInput(string Path, LimitsParseResult Result);
}
