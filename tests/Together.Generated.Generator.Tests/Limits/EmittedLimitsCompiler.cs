using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>Compiles emitted limits code against the real runtime assembly and runs its <c>Create()</c>.</summary>
internal static class EmittedLimitsCompiler
{
    public const string Namespace = "Sample.Limits";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Append(typeof(TogetherLimits).Assembly.Location)
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    });

    public static CSharpCompilation Compile(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path: "TogetherLimitsDefaults.g.cs");
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999);
        var name = "EmittedLimits" + Guid.NewGuid().ToString("N");
        return CSharpCompilation.Create(name, new[] { tree }, References.Value, options);
    }

    /// <summary>Warnings and errors of the compilation, formatted for an assertion message.</summary>
    public static IReadOnlyList<string> Problems(CSharpCompilation compilation) => compilation.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .Select(d => d.ToString())
        .ToList();

    public static TogetherLimits Create(string source) => Create(source, times: 1)[0];

    /// <summary>Loads the compiled source once and calls its <c>Create()</c> <paramref name="times"/> times.</summary>
    public static TogetherLimits[] Create(string source, int times)
    {
        var compilation = Compile(source);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        // Collectible, and resolving nothing itself: the runtime assembly comes from the default context, so the
        // result is the very TogetherLimits type the test sees.
        var context = new AssemblyLoadContext("EmittedLimits", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var type = assembly.GetType(Namespace + ".TogetherLimitsDefaults", throwOnError: true)!;
            var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
            return Enumerable.Range(0, times).Select(_ => (TogetherLimits)create.Invoke(null, null)!).ToArray();
        }
        finally
        {
            context.Unload();
        }
    }
}
