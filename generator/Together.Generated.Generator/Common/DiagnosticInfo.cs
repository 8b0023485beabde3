using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Together.Generated.Generator.Common;

/// <summary>
/// A value-equal stand-in for a <see cref="Diagnostic"/>: pipeline models must not hold
/// <see cref="Location"/> or <see cref="Diagnostic"/> objects if they are to be cached.
/// Lines and columns are zero-based, as Roslyn's <see cref="LinePosition"/> is.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int Line,
    int Column,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, int line, int column,
        params string[] arguments) =>
        new(descriptor.Id, filePath, Math.Max(0, line), Math.Max(0, column), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = GeneratorDiagnostics.Find(Id);
        var position = new LinePosition(Line, Column);
        var location = Location.Create(FilePath, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, Arguments.AsImmutableArray().ToArray());
    }
}
