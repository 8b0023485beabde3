using System.Linq;

namespace Together.Generated.Generator.Emit;

/// <summary>Emits the entry class, <c>TogetherClient</c>, with one property per tag group.</summary>
internal static class ClientEmitter
{
    private const string Core = "global::Together.Generated.TogetherClientCore";
    private const string Options = "global::Together.Generated.TogetherClientOptions";

    public static string Emit(EmitContext context)
    {
        var writer = new CodeWriter();
        writer.Line($"using global::{context.ModelsNamespace};");
        writer.Line();
        writer.Doc("summary", $"The typed client for {context.Spec.Title}, generated from its OpenAPI spec.");
        writer.Doc("remarks",
            "Every call runs under the limiters and the retry policy the limits file assigns to its endpoint.\n" +
            "The client owns its runtime; dispose it to cancel queued calls and release its resources.");
        writer.Open("public sealed partial class TogetherClient : global::System.IDisposable");
        writer.Line($"private readonly {Core} _core;");
        writer.Line();
        writer.Line("/// <summary>Creates a client with its own <c>HttpClient</c>.</summary>");
        writer.Line("/// <param name=\"options\">Key, base URL, timeouts and limit overrides; " +
            "by default read from the");
        writer.Line("/// <c>TOGETHER_API_KEY</c> and <c>TOGETHER_BASE_URL</c> environment variables.</param>");
        writer.Line($"public TogetherClient({Options}? options = null)");
        writer.Line("    : this(null, options)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>Creates a client over <paramref name=\"httpClient\"/>, " +
            "which it does not dispose.</summary>");
        writer.Line("/// <param name=\"httpClient\">The client to send with, or null to create one.</param>");
        writer.Line("/// <param name=\"options\">Key, base URL, timeouts and limit overrides.</param>");
        writer.Open("public TogetherClient(global::System.Net.Http.HttpClient? httpClient, " +
            $"{Options}? options = null)");
        writer.Line($"_core = new {Core}(");
        writer.Line("    httpClient,");
        writer.Line($"    options ?? new {Options}(),");
        writer.Line($"    global::{context.RootNamespace}.TogetherLimitsDefaults.Create());");
        foreach (var group in context.Groups)
        {
            writer.Line($"{group.Property} = new {group.ClassName}(_core);");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The runtime executing calls: " +
            "its limiters and effective limits can be inspected.</summary>");
        writer.Line($"public {Core} Core => _core;");
        foreach (var group in context.Groups)
        {
            var count = context.Spec.Operations.Count(o => o.Group == group.Group);
            writer.Line();
            writer.Line($"/// <summary>The {CodeWriter.Escape(group.Group)} operations ({count}).</summary>");
            writer.Line($"public {group.ClassName} {group.Property} {{ get; }}");
        }

        writer.Line();
        writer.Line("/// <summary>Cancels queued calls and releases the runtime's resources.</summary>");
        writer.Line("public void Dispose() => _core.Dispose();");
        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }
}
