using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Reading;

namespace Together.Generated.Generator.Model;

/// <summary>Turns the spec's paths into named, typed operations grouped by tag.</summary>
internal sealed partial class OperationMapper
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>
    /// Names an operation cannot take: each becomes a static property of <c>TogetherEndpoints</c>, which must not
    /// hide <see cref="object"/>'s members (CS0108) nor be named like the class itself (CS0542).
    /// </summary>
    private static readonly HashSet<string> ReservedOperationNames = new(StringComparer.Ordinal)
    {
        "TogetherEndpoints", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone",
        "Finalize",
    };

    /// <summary>
    /// Names generated methods use for themselves: their token, the body, and the builder's locals
    /// (<c>request</c>, <c>form</c>, and <c>item</c> in loops over list values), which a parameter must not shadow.
    /// </summary>
    private static readonly string[] ReservedParameterNames =
    {
        "cancellationToken", "body", "request", "form", "item",
    };

    private readonly OpenApiDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly SpecLocator _locator;
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<string> _operationNames = new(StringComparer.Ordinal);

    public OperationMapper(OpenApiDocument document, SchemaMapper schemas, SpecLocator locator, string filePath,
        List<DiagnosticInfo> diagnostics)
    {
        _document = document;
        _schemas = schemas;
        _locator = locator;
        _filePath = filePath;
        _diagnostics = diagnostics;
    }

    public List<OperationModel> MapAll()
    {
        var result = new List<OperationModel>();
        var baseServer = _document.Servers?.FirstOrDefault()?.Url;
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            var operations = path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>();
            foreach (var entry in operations.OrderBy(o => Array.IndexOf(Methods, o.Key.Method.ToUpperInvariant())))
            {
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = "#/paths/" + path.Key.Replace("~", "~0").Replace("/", "~1") + "/" +
                    method.ToLowerInvariant();
                if (IsWebSocket(entry.Value))
                {
                    Report(GeneratorDiagnostics.WebSocketSkipped, pointer, method, path.Key);
                    continue;
                }

                result.Add(MapOperation(method, path.Key, path.Value, entry.Value, pointer, baseServer));
            }
        }

        return result;
    }

    private OperationModel MapOperation(string method, string path, IOpenApiPathItem item, OpenApiOperation operation,
        string pointer, string? baseServer)
    {
        var baseName = operation.OperationId is { Length: > 0 } id
            ? Naming.Pascal(id)
            : Naming.FromMethodAndPath(method, path);
        var name = UniqueName(ReservedOperationNames.Contains(baseName) ? baseName + "Operation" : baseName,
            HasEventStream(operation));
        var tags = (operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name ?? t.Reference?.Id ?? string.Empty)
            .Where(t => t.Length > 0)
            .ToList();
        var group = tags.Count > 0 ? Naming.Pascal(tags[0]) : "General";

        var taken = new HashSet<string>(ReservedParameterNames, StringComparer.Ordinal);
        var parameters = MapParameters(path, item, operation, name, pointer, taken);
        var body = MapBody(operation, name, pointer);
        var response = MapResponse(operation, name, pointer);
        var serverPath = ServerPath(operation.Servers ?? item.Servers, baseServer);

        return new OperationModel(method, path, operation.OperationId, name, group, tags.ToEquatableArray(),
            operation.Summary, operation.Description, operation.Deprecated, serverPath, parameters, body, response);
    }

    /// <summary>
    /// A name whose methods (<c>{name}Async</c>, and <c>{name}StreamAsync</c> when it streams) no other operation's
    /// methods use: <c>foo</c> streaming and <c>fooStream</c> would otherwise both declare <c>FooStreamAsync</c>.
    /// </summary>
    private string UniqueName(string baseName, bool streams)
    {
        var stem = char.IsDigit(baseName[baseName.Length - 1]) ? baseName + "_" : baseName;
        var name = baseName;
        for (var i = 2; _operationNames.Contains(name) || (streams && _operationNames.Contains(name + "Stream")); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _operationNames.Add(name);
        if (streams)
        {
            _operationNames.Add(name + "Stream");
        }

        return name;
    }

    private static bool HasEventStream(OpenApiOperation operation) =>
        (operation.Responses ?? new OpenApiResponses())
        .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
        .OrderBy(r => r.Key, StringComparer.Ordinal)
        .Select(r => r.Value?.Content)
        .FirstOrDefault() is { } content &&
        content.Keys.Any(m => m.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static bool IsWebSocket(OpenApiOperation operation) =>
        operation.Responses is { } responses && responses.ContainsKey("101") &&
        !responses.Keys.Any(k => k.StartsWith("2", StringComparison.Ordinal));

    /// <summary>
    /// The path part of a per-operation server (<c>https://api.together.ai/v2</c> gives <c>/v2</c>): the host is
    /// always the configured base URL's, so a test or proxy base URL still applies.
    /// </summary>
    private static string? ServerPath(IList<OpenApiServer>? servers, string? baseServer)
    {
        var url = servers?.FirstOrDefault()?.Url;
        if (string.IsNullOrEmpty(url) || url == baseServer)
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return absolute.AbsolutePath.TrimEnd('/');
        }

        return url!.StartsWith("/", StringComparison.Ordinal) ? url.TrimEnd('/') : null;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] args)
    {
        var (line, column) = _locator.Find(pointer);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, line, column, args));
    }
}
