using Together.Generated.Generator.Tests.RealSpecs;
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Together.Benchmarks.Generation;

/// <summary>
/// NSwag on one spec, in this (fresh) process: read the YAML document, generate one C# client file with
/// System.Text.Json (so the output needs nothing beyond the .NET runtime), compile it, and match its operations.
/// </summary>
public static class NSwagRun
{
    public const string Name = "NSwag 14.8.0 (CSharpClientGenerator)";

    public static GenerationOutcome Measure(string specPath)
    {
        var spec = SpecOperations.HttpOperations(specPath);
        var outcome = new GenerationOutcome
        {
            Generator = Name, Spec = Path.GetFileName(specPath), SpecOperations = spec.Count,
        };
        var clock = Stopwatch.StartNew();
        string code;
        try
        {
            code = Generate(specPath);
        }
        catch (Exception e)
        {
            // NSwag's own verdict on the spec is the result: the innermost message says what it could not read.
            var inner = e.GetBaseException();
            return outcome with
            {
                Failure = $"{inner.GetType().Name}: {inner.Message}",
                FirstRunMs = clock.Elapsed.TotalMilliseconds,
            };
        }

        clock.Stop();
        // Kept for inspection under obj/ (git ignores it); written after the clock stopped.
        var file = Path.Combine(RepoPaths.Scratch, "nswag", Path.ChangeExtension(outcome.Spec, ".cs"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, code);
        var ready = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var second = Stopwatch.StartNew();
        Generate(specPath);
        second.Stop();

        var (errors, firstError, byCode) = OutputCompiler.Compile(
            new[] { (Path.GetRelativePath(RepoPaths.Root, file), code) }, CompileReferences.Framework());
        var methods = NSwagOperations.Read(code);
        return outcome with
        {
            FirstRunMs = clock.Elapsed.TotalMilliseconds,
            SecondRunMs = second.Elapsed.TotalMilliseconds,
            ProcessToOutputMs = ready.TotalMilliseconds,
            Files = 1,
            Lines = OutputCompiler.Lines(code),
            CompileErrors = errors,
            FirstCompileError = firstError,
            CompileErrorCodes = byCode,
            OperationMethods = methods.Count,
            OperationsCovered = methods.ToHashSet().Intersect(OperationShapes.Shapes(spec)).Count(),
            Unmatched = OperationShapes.Unmatched(methods, OperationShapes.Shapes(spec)),
        };
    }

    private static string Generate(string specPath)
    {
        var document = OpenApiYamlDocument.FromFileAsync(specPath).GetAwaiter().GetResult();
        // NSwag's default class name ("{controller}Client": one client per operation-id prefix) is kept: a single
        // fixed name merges those partial classes and only shows the settings were wrong, not what NSwag does.
        var settings = new CSharpClientGeneratorSettings();
        settings.CSharpGeneratorSettings.Namespace = "Ns";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
