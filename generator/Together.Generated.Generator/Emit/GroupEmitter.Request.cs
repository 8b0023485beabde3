using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

internal static partial class GroupEmitter
{
    private static readonly Regex Template = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);

    /// <summary>A parameter of a generated method, in declaration order.</summary>
    private sealed record MethodParameter(string Name, string Declaration, bool NullCheck, string? Summary);

    /// <summary>Path parameters, then required query and header parameters, the body, then optional ones.</summary>
    private static List<MethodParameter> Parameters(OperationModel operation)
    {
        var result = new List<MethodParameter>();
        foreach (var parameter in operation.Parameters.Where(p => p.Required))
        {
            result.Add(new MethodParameter(parameter.Name, $"{parameter.Type.Name} {parameter.Name}",
                !parameter.Type.IsValueType, parameter.Summary));
        }

        if (operation.Body is { } body)
        {
            result.Add(body.Required
                ? new MethodParameter("body", $"{body.Type.Name} body", !body.Type.IsValueType, "The request body.")
                : new MethodParameter("body", $"{body.Type.Nullable} body = null", false, "The request body, if any."));
        }

        foreach (var parameter in operation.Parameters.Where(p => !p.Required))
        {
            result.Add(new MethodParameter(parameter.Name, $"{parameter.Type.Nullable} {parameter.Name} = null", false,
                parameter.Summary));
        }

        return result;
    }

    private static void EmitBuilder(CodeWriter writer, EmitContext context, OperationModel operation)
    {
        var parameters = string.Join(", ", Parameters(operation).Select(p => p.Declaration.Split('=')[0].Trim()));
        writer.Open($"private static {Runtime}ApiRequest Build{operation.Name}Request({parameters})");
        writer.Line($"var request = new {Runtime}ApiRequest(");
        writer.Line($"    global::{context.RootNamespace}.TogetherEndpoints.{operation.Name},");
        writer.Line($"    {PathExpression(operation)});");
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            var add = parameter.Location == ParameterLocation.Query ? "AddQuery" : "AddHeader";
            EmitValue(writer, context, $"request.{add}", parameter.WireName, parameter.Name, parameter.Type,
                !parameter.Required);
        }

        if (operation.Body is { Kind: BodyKind.Json } json)
        {
            var set = $"request.WithJsonBody(body, {context.JsonInfo(json.Type.Name)});";
            writer.Line(json.Required ? set : $"if (body is not null) {set}");
        }
        else if (operation.Body is { Kind: BodyKind.Multipart } multipart)
        {
            EmitMultipart(writer, context, multipart);
        }

        writer.Line("return request;");
        writer.Close();
    }

    private static void EmitMultipart(CodeWriter writer, EmitContext context, BodyModel body)
    {
        writer.Line($"var form = new {Runtime}MultipartBody();");
        var open = !body.Required;
        if (open)
        {
            writer.Open("if (body is not null)");
        }

        foreach (var field in body.MultipartFields)
        {
            if (field.Deprecated)
            {
                // A deprecated field is still sent when set; reading it must not warn in the caller's build.
                writer.Line("#pragma warning disable CS0618");
            }

            EmitField(writer, context, field);
            if (field.Deprecated)
            {
                writer.Line("#pragma warning restore CS0618");
            }
        }

        if (open)
        {
            writer.Close();
        }

        writer.Line("request.WithMultipartBody(form);");
    }

    private static void EmitField(CodeWriter writer, EmitContext context, PropertyDecl field)
    {
        var value = "body." + field.Name;
        if (field.Type == TypeRef.File)
        {
            writer.Line($"form.AddFile({CodeWriter.Quote(field.JsonName)}, {value});");
            return;
        }

        if (context.Types.TryGetValue(field.Type.Name, out var union) &&
            union.Variants.FirstOrDefault(v => v.Type == TypeRef.File) is { } file)
        {
            // A file-or-URL field: the file goes as a file part, anything else as text.
            writer.Open($"if ({value}?.{file.Name} is {{ }} {field.Name.TrimStart('@')}File)");
            writer.Line($"form.AddFile({CodeWriter.Quote(field.JsonName)}, {field.Name.TrimStart('@')}File);");
            writer.Close();
            writer.Open("else");
            writer.Line($"form.AddField({CodeWriter.Quote(field.JsonName)}, {value}?.ToString());");
            writer.Close();
            return;
        }

        EmitValue(writer, context, "form.AddField", field.JsonName, value, field.Type,
            !field.Required || field.Nullable);
    }

    /// <summary>
    /// Adds a value in wire form; lists add one entry per item, anything else structured goes as JSON.
    /// </summary>
    private static void EmitValue(CodeWriter writer, EmitContext context, string add, string wireName, string value,
        TypeRef type, bool optional)
    {
        var name = CodeWriter.Quote(wireName);
        switch (type.Kind)
        {
            case WireKind.List:
                var loop = $"foreach (var item in {value}) " +
                    $"{add}({name}, global::Together.Generated.WireFormat.Value(item));";
                writer.Line(optional || !type.IsValueType ? $"if ({value} is not null) {loop}" : loop);
                break;
            case WireKind.Other:
            case WireKind.File:
                var json = $"global::Together.Generated.Serialization.JsonMetadata.Serialize({value}, " +
                    $"global::{context.ModelsNamespace}.TogetherJson.Options)";
                writer.Line(optional || !type.IsValueType
                    ? $"if ({value} is not null) {add}({name}, {json});"
                    : $"{add}({name}, {json});");
                break;
            default:
                writer.Line($"{add}({name}, global::Together.Generated.WireFormat.Value({value}));");
                break;
        }
    }

    /// <summary>
    /// The path with each parameter percent-encoded, so a <c>/</c> inside a value cannot change the route.
    /// </summary>
    private static string PathExpression(OperationModel operation)
    {
        var parts = new List<string>();
        var last = 0;
        foreach (Match match in Template.Matches(operation.Path))
        {
            if (match.Index > last)
            {
                parts.Add(CodeWriter.Quote(operation.Path.Substring(last, match.Index - last)));
            }

            var parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path &&
                p.WireName == match.Groups[1].Value);
            var text = parameter.Type.Kind switch
            {
                WireKind.String => parameter.Name,
                WireKind.Other or WireKind.List or WireKind.File => $"{parameter.Name}.ToString() ?? string.Empty",
                _ => $"global::Together.Generated.WireFormat.Value({parameter.Name}) ?? string.Empty",
            };
            parts.Add($"global::Together.Generated.WireFormat.PathSegment({text})");
            last = match.Index + match.Length;
        }

        if (last < operation.Path.Length || parts.Count == 0)
        {
            parts.Add(CodeWriter.Quote(operation.Path.Substring(last)));
        }

        return string.Join(" + ", parts);
    }
}
