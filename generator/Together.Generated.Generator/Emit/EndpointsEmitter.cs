using System.Linq;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>TogetherEndpoints</c>: the static description of every operation that the runtime executes,
/// so no call needs reflection to learn its limiters and policy.
/// </summary>
internal static class EndpointsEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new CodeWriter();
        writer.Line("/// <summary>The description of every operation, " +
            "with the limiters and retry policy it runs under.</summary>");
        writer.Open("public static partial class TogetherEndpoints");
        for (var i = 0; i < context.Spec.Operations.Count; i++)
        {
            var operation = context.Spec.Operations[i];
            var policy = context.Policies[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Line($"/// <summary><c>{operation.Method} {CodeWriter.Escape(operation.Path)}</c>.</summary>");
            writer.Line("public static global::Together.Generated.EndpointDescriptor " +
                $"{operation.Name} {{ get; }} = new(");
            writer.Line($"    {CodeWriter.Quote(operation.Name)},");
            writer.Line($"    {CodeWriter.Quote(operation.Method)},");
            writer.Line($"    {CodeWriter.Quote(operation.Path)},");
            writer.Line($"    {StringArray(policy.Limiters)},");
            writer.Line($"    {CodeWriter.Quote(policy.RetryPolicy)},");
            writer.Line($"    idempotent: {(policy.Idempotent ? "true" : "false")},");
            writer.Line("    serverPath: " +
                $"{(operation.ServerPath is null ? "null" : CodeWriter.Quote(operation.ServerPath))},");
            writer.Line("    fallbackModels: " +
                $"{(policy.FallbackModels.Count == 0 ? "null" : StringArray(policy.FallbackModels))});");
        }

        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }

    private static string StringArray(System.Collections.Generic.IEnumerable<string> values)
    {
        var items = values.Select(CodeWriter.Quote).ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", items) + " }";
    }
}
