using System.Linq;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits the class holding one tag group's operations: a method each, plus a streaming one where the spec streams.
/// </summary>
internal static partial class GroupEmitter
{
    private const string Runtime = "global::Together.Generated.";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(EmitContext context, GroupNames group)
    {
        var writer = new CodeWriter();
        writer.Line($"using global::{context.ModelsNamespace};");
        writer.Line();
        writer.Line($"/// <summary>The {CodeWriter.Escape(group.Group)} operations of the API.</summary>");
        writer.Open($"public sealed partial class {group.ClassName}");
        writer.Line($"private readonly {Runtime}TogetherClientCore _core;");
        writer.Line();
        writer.Line($"internal {group.ClassName}({Runtime}TogetherClientCore core) => _core = core;");
        for (var i = 0; i < context.Spec.Operations.Count; i++)
        {
            var operation = context.Spec.Operations[i];
            if (operation.Group != group.Group)
            {
                continue;
            }

            var policy = context.Policies[i];
            if (operation.Response.Kind != ResponseKind.Stream)
            {
                writer.Line();
                EmitMethod(writer, context, operation, policy, streaming: false);
            }

            if (operation.Response.StreamChunk is not null)
            {
                writer.Line();
                EmitMethod(writer, context, operation, policy, streaming: true);
            }

            writer.Line();
            EmitBuilder(writer, context, operation);
        }

        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }

    private static void EmitMethod(CodeWriter writer, EmitContext context, OperationModel operation,
        EndpointPolicy policy, bool streaming)
    {
        EmitDocs(writer, operation, streaming);
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"This operation is deprecated in the API's spec.\")]");
        }

        var operationId = operation.OperationId is null
            ? string.Empty
            : $", OperationId = {CodeWriter.Quote(operation.OperationId)}";
        writer.Line($"[{Runtime}TogetherEndpoint({CodeWriter.Quote(operation.Method)}, " +
            $"{CodeWriter.Quote(operation.Path)}{operationId})]");
        foreach (var limiter in policy.Limiters)
        {
            writer.Line($"[{Runtime}TogetherLimiter({CodeWriter.Quote(limiter)})]");
        }

        writer.Line($"[{Runtime}TogetherRetryPolicy({CodeWriter.Quote(policy.RetryPolicy)})]");
        var name = operation.Name + (streaming ? "StreamAsync" : "Async");
        var signature = string.Join(", ", Parameters(operation).Select(p => p.Declaration)
            .Concat(new[] { $"{Token} cancellationToken = default" }));
        writer.Open($"public {ReturnType(context, operation, streaming)} {name}({signature})");
        foreach (var parameter in Parameters(operation).Where(p => p.NullCheck))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        if (streaming && StreamProperty(context, operation) is { } stream)
        {
            // The streaming method asks for a stream whatever the caller set; the plain one leaves the body alone.
            writer.Line(operation.Body!.Required
                ? $"body.{stream} = true;"
                : $"if (body is not null) body.{stream} = true;");
        }

        var arguments = string.Join(", ", Parameters(operation).Select(p => p.Name));
        writer.Line($"var request = Build{operation.Name}Request({arguments});");
        if (streaming)
        {
            writer.Line("request.Streaming = true;");
            writer.Line("return _core.StreamAsync(request, " +
                $"{context.JsonInfo(operation.Response.StreamChunk!.Name)}, cancellationToken);");
        }
        else
        {
            writer.Line(operation.Response.Kind switch
            {
                ResponseKind.Json => "return _core.SendAsync(request, " +
                    $"{context.JsonInfo(operation.Response.Type!.Name)}, cancellationToken);",
                ResponseKind.Text => "return _core.SendForTextAsync(request, cancellationToken);",
                ResponseKind.Binary => "return _core.SendForBinaryAsync(request, cancellationToken);",
                _ => "return _core.SendAsync(request, cancellationToken);",
            });
        }

        writer.Close();
    }

    private static string ReturnType(EmitContext context, OperationModel operation, bool streaming)
    {
        if (streaming)
        {
            return $"global::System.Collections.Generic.IAsyncEnumerable<{operation.Response.StreamChunk!.Name}>";
        }

        return operation.Response.Kind switch
        {
            ResponseKind.Json => $"global::System.Threading.Tasks.Task<{operation.Response.Type!.Name}>",
            ResponseKind.Text => "global::System.Threading.Tasks.Task<string>",
            ResponseKind.Binary => $"global::System.Threading.Tasks.Task<{Runtime}BinaryResponse>",
            _ => "global::System.Threading.Tasks.Task",
        };
    }

    private static string? StreamProperty(EmitContext context, OperationModel operation) =>
        operation.Body is { Kind: BodyKind.Json } body && context.Types.TryGetValue(body.Type.Name, out var decl)
            ? decl.Hooks?.StreamProperty
            : null;
}
