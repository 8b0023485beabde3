using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Emits a compilation holding generated code and loads it into a collectible context. The runtime assembly is
/// not loaded again: it resolves to the one these tests reference, so runtime types compare equal.
/// </summary>
public static class GeneratedAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success,
            string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static Type Type(Assembly assembly, string fullName) =>
        assembly.GetType(fullName) ?? throw new InvalidOperationException($"{fullName} was not generated.");
}
