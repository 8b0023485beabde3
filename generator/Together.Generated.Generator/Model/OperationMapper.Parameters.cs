using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Model;

internal sealed partial class OperationMapper
{
    private static readonly Regex PathParameter = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);

    private EquatableArray<ParameterModel> MapParameters(string path, IOpenApiPathItem item,
        OpenApiOperation operation, string operationName, string pointer, HashSet<string> taken)
    {
        // Operation parameters override path-level ones with the same name and location.
        var declared = new List<IOpenApiParameter>();
        foreach (var parameter in (operation.Parameters ?? new List<IOpenApiParameter>())
                 .Concat(item.Parameters ?? new List<IOpenApiParameter>()))
        {
            if (!declared.Any(d => d.Name == parameter.Name && d.In == parameter.In))
            {
                declared.Add(parameter);
            }
        }

        var result = new List<ParameterModel>();
        foreach (Match match in PathParameter.Matches(path))
        {
            var wireName = match.Groups[1].Value;
            var parameter = declared.FirstOrDefault(p => p.In == Microsoft.OpenApi.ParameterLocation.Path &&
                p.Name == wireName);
            if (parameter is null)
            {
                Report(GeneratorDiagnostics.SpecProblem, pointer, pointer,
                    $"path parameter '{wireName}' is not declared; it is generated as a string");
            }

            var type = parameter is null
                ? TypeRef.String
                : _schemas.Map(parameter.Schema, operationName + Naming.Pascal(wireName), pointer).Type;
            result.Add(new ParameterModel(wireName, Naming.Unique(Naming.Camel(wireName), taken),
                ParameterLocation.Path, type, true, parameter?.Description));
        }

        foreach (var parameter in declared.Where(p => p.In is Microsoft.OpenApi.ParameterLocation.Query
                     or Microsoft.OpenApi.ParameterLocation.Header)
                 .OrderBy(p => p.Required ? 0 : 1))
        {
            var location = parameter.In == Microsoft.OpenApi.ParameterLocation.Query
                ? ParameterLocation.Query
                : ParameterLocation.Header;
            var mapped = _schemas.Map(parameter.Schema, operationName + Naming.Pascal(parameter.Name ?? "Value"),
                pointer + "/parameters");
            result.Add(new ParameterModel(parameter.Name ?? string.Empty,
                Naming.Unique(Naming.Camel(parameter.Name ?? "value"), taken), location, mapped.Type,
                parameter.Required, parameter.Description));
        }

        foreach (var cookie in declared.Where(p => p.In == Microsoft.OpenApi.ParameterLocation.Cookie))
        {
            Report(GeneratorDiagnostics.SpecProblem, pointer, pointer,
                $"cookie parameter '{cookie.Name}' is not supported and is left out");
        }

        return result.ToEquatableArray();
    }
}
