using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Reading;

/// <summary>Reads an OpenAPI spec (YAML or JSON) into the generator's value-equal model. Never throws.</summary>
internal static class SpecReader
{
    /// <summary>
    /// Type names generated code uses besides the spec's own. Compared ignoring case, because each type
    /// becomes a file whose name must be unique on case-insensitive file systems too.
    /// </summary>
    private static readonly string[] ReservedNames =
    {
        "TogetherJson", "TogetherClient", "TogetherEndpoints", "TogetherLimitsDefaults",
    };

    public static SpecModel Read(string filePath, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var locator = new SpecLocator(text);
        try
        {
            var settings = new OpenApiReaderSettings();
            settings.AddYamlReader();
            var format = text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? "json" : "yaml";
            var result = OpenApiDocument.Parse(text, format, settings);
            foreach (var error in result.Diagnostic?.Errors ?? new List<OpenApiError>())
            {
                var (line, column) = locator.Find(error.Pointer ?? string.Empty);
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.SpecProblem, filePath, line, column,
                    error.Pointer ?? "#", error.Message));
            }

            if (result.Document is not { } document || document.Paths is null || document.Paths.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.SpecUnreadable, filePath, 0, 0, filePath,
                    "it has no paths (is it an OpenAPI document, and complete?)"));
                return Empty(filePath, diagnostics);
            }

            return Build(filePath, document, locator, diagnostics);
        }
        catch (Exception exception)
        {
            // A spec that makes the reader or the mapper throw must still end in a diagnostic, never CS8785.
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.SpecUnreadable, filePath, 0, 0, filePath,
                exception.GetType().Name + ": " + exception.Message));
            return Empty(filePath, diagnostics);
        }
    }

    private static SpecModel Build(string filePath, OpenApiDocument document, SpecLocator locator,
        List<DiagnosticInfo> diagnostics)
    {
        var schemas = new SchemaMapper(document, filePath, locator, diagnostics,
            new HashSet<string>(ReservedNames, StringComparer.OrdinalIgnoreCase));
        var operations = new OperationMapper(document, schemas, locator, filePath, diagnostics).MapAll();
        schemas.MapAllComponents();
        LimitHooksFinder.Apply(schemas, operations);

        return new SpecModel(
            filePath,
            document.Info?.Title ?? "API",
            operations.ToEquatableArray(),
            schemas.Types.ToEquatableArray(),
            schemas.Fallbacks.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static SpecModel Empty(string filePath, List<DiagnosticInfo> diagnostics) =>
        new(filePath, "API", EquatableArray<OperationModel>.Empty, EquatableArray<TypeDecl>.Empty,
            EquatableArray<string>.Empty, diagnostics.ToEquatableArray());
}
