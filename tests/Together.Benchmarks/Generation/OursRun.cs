using Together.Generated.Generator.Tests.RealSpecs;
using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Together.Generated.Generator;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Our generator on one spec, run in this (fresh) process the way the compiler runs it: a CSharpGeneratorDriver over
/// an empty compilation, with the spec and the repository's limits file as AdditionalFiles.
/// </summary>
public static class OursRun
{
    public static GenerationOutcome Measure(string specPath)
    {
        var references = CompileReferences.Ours();
        var compilation = OutputCompiler.Create(Array.Empty<SyntaxTree>(), references);
        var files = new AdditionalText[] { new AdditionalFile(specPath), new AdditionalFile(RepoPaths.Limits) };

        var clock = Stopwatch.StartNew();
        var first = Run(compilation, files, out var output, out var diagnostics);
        clock.Stop();
        var ready = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var second = Stopwatch.StartNew();
        Run(compilation, files, out _, out _);
        second.Stop();

        var sources = first.GeneratedTrees.Select(t => t.ToString()).ToList();
        var (errors, firstError, byCode) = OutputCompiler.Errors(output);
        var spec = SpecOperations.HttpOperations(specPath);
        var endpoints = EndpointMethods(output);
        var generatorProblems = diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning);
        return new GenerationOutcome
        {
            Generator = "Together.Generated (ours)",
            Spec = System.IO.Path.GetFileName(specPath),
            FirstRunMs = clock.Elapsed.TotalMilliseconds,
            SecondRunMs = second.Elapsed.TotalMilliseconds,
            ProcessToOutputMs = ready.TotalMilliseconds,
            Files = sources.Count,
            Lines = sources.Sum(OutputCompiler.Lines),
            CompileErrors = errors,
            FirstCompileError = firstError,
            CompileErrorCodes = byCode,
            OperationMethods = endpoints.Count,
            OperationsCovered = endpoints.ToHashSet().Intersect(spec).Count(),
            Unmatched = OperationShapes.Unmatched(endpoints, spec),
            SpecOperations = spec.Count,
            Note = generatorProblems == 0 ? null : $"{generatorProblems} generator warnings/errors",
        };
    }

    private static GeneratorDriverRunResult Run(Compilation compilation, AdditionalText[] files,
        out Compilation output, out System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics)
    {
        // A new driver each time: a reused one would answer from its incremental cache, which is not generation.
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TogetherClientGenerator().AsSourceGenerator() }, files, OutputCompiler.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out diagnostics);
        return driver.GetRunResult();
    }

    /// <summary>(METHOD, path) of each emitted endpoint method, read from its [TogetherEndpoint] attribute.</summary>
    private static System.Collections.Generic.List<(string, string)> EndpointMethods(Compilation output) =>
        Symbols.Methods(output.Assembly.GlobalNamespace)
            .SelectMany(m => m.GetAttributes())
            .Where(a => a.AttributeClass?.Name == "TogetherEndpointAttribute")
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!))
            .ToList();
}
