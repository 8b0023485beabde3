using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Together.Benchmarks.Generation;

/// <summary>
/// The references each generator's output is compiled against: the .NET runtime's own assemblies for all, plus
/// only what that output says it needs (ours: the runtime library and its dependencies; Kiota: its libraries).
/// Taken from this process's TRUSTED_PLATFORM_ASSEMBLIES, as the generator tests do, so no reference pack is
/// downloaded; this project references the packages so that they are there.
/// </summary>
public static class CompileReferences
{
    public static IReadOnlyList<MetadataReference> Framework() => Build(_ => false);

    public static IReadOnlyList<MetadataReference> Ours() =>
        Build(name => name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
            name.StartsWith("Polly", StringComparison.Ordinal) ||
            name == "Together.Generated.dll");

    public static IReadOnlyList<MetadataReference> Kiota() =>
        Build(name => name.StartsWith("Microsoft.Kiota.", StringComparison.Ordinal) ||
            name.StartsWith("Std.UriTemplate", StringComparison.Ordinal));

    private static IReadOnlyList<MetadataReference> Build(Func<string, bool> extra)
    {
        // Microsoft.NETCore.App only: this process also loads ASP.NET Core and the peers' own dependencies
        // (Newtonsoft.Json, NJsonSchema...), which generated code must not get for free.
        var runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetDirectoryName(Path.GetFullPath(p)) == runtime || extra(Path.GetFileName(p)))
            .GroupBy(Path.GetFileName)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToList();
    }
}
