using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>EmbedManyAsync</c> beside the embeddings operation: any number of texts, embedded in requests of up to
/// the limits file's <c>embedding_batch_size</c> under the operation's own limiters and retry policy.
/// </summary>
internal static class EmbeddingBatchEmitter
{
    private const string Runtime = "global::Together.Generated.";
    private const string Generic = "global::System.Collections.Generic.";

    public static string Emit(EmitContext context, GroupNames group, EmbeddingBatchShape shape)
    {
        var vector = shape.VectorType;
        var writer = new CodeWriter();
        writer.Line($"using global::{context.ModelsNamespace};");
        writer.Line();
        writer.Open($"public sealed partial class {group.ClassName}");
        writer.Line("/// <summary>");
        writer.Line($"/// Embeds any number of texts with <see cref=\"{shape.MethodName}Async\"/>.");
        writer.Line("/// The texts go in requests of up to <paramref name=\"batchSize\"/> each, at most");
        writer.Line("/// <paramref name=\"maxConcurrency\"/> in flight. Each request waits for the operation's");
        writer.Line("/// limiters, so the run keeps to the limits file's budget without fixed sleeps. Returns one");
        writer.Line("/// vector per text, in the texts' order.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"texts\">The texts; may be empty.</param>");
        writer.Line("/// <param name=\"model\">The embedding model.</param>");
        writer.Line("/// <param name=\"batchSize\">");
        writer.Line("/// Texts per request. Default null: the limits file's <c>embedding_batch_size</c> (20 unless");
        writer.Line("/// set).");
        writer.Line("/// </param>");
        writer.Line("/// <param name=\"maxConcurrency\">Requests in flight at once. Default 4.</param>");
        writer.Line("/// <param name=\"progress\">Told after each request ends; may be null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops the run; no further request starts.</param>");
        writer.Line($"/// <exception cref=\"{Runtime}BatchFailedException{{TResult}}\">");
        writer.Line("/// Some requests failed after their retries; it holds the vectors that arrived and the failed");
        writer.Line("/// texts' indices.");
        writer.Line("/// </exception>");
        writer.Line($"public global::System.Threading.Tasks.Task<{Generic}IReadOnlyList<{vector}>> EmbedManyAsync(");
        writer.Line($"    {Generic}IReadOnlyList<string> texts,");
        writer.Line("    string model,");
        writer.Line("    int? batchSize = null,");
        writer.Line("    int maxConcurrency = 4,");
        writer.Line($"    global::System.IProgress<{Runtime}BatchProgress>? progress = null,");
        writer.Open("    global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(texts);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(model);");
        writer.Line($"return {Runtime}BatchRunner.RunAsync<string, {vector}>(");
        writer.Line("    texts,");
        writer.Line("    batchSize ?? _core.Limits.EmbeddingBatchSize,");
        writer.Line("    maxConcurrency,");
        writer.Line("    (slice, token) => EmbedBatchAsync(slice, model, token),");
        writer.Line("    progress,");
        writer.Line("    cancellationToken);");
        writer.Close();
        writer.Line();
        writer.Line("private async global::System.Threading.Tasks.Task<"
            + $"{Generic}IReadOnlyList<{vector}>> EmbedBatchAsync(");
        writer.Line($"    {Generic}IReadOnlyList<string> texts,");
        writer.Line("    string model,");
        writer.Open("    global::System.Threading.CancellationToken token)");
        writer.Line($"var request = new {shape.RequestType}");
        writer.Line("{");
        writer.Line($"    {shape.ModelProperty} = model,");
        writer.Line($"    {shape.InputProperty} = new {shape.InputType}(new {Generic}List<string>(texts)),");
        writer.Line("};");
        writer.Line($"var response = await {shape.MethodName}Async(request, token).ConfigureAwait(false);");
        writer.Line($"var vectors = new {vector}[texts.Count];");

        // The server tags each vector with its input's index; order by it rather than by arrival.
        writer.Open($"foreach (var item in response.{shape.DataProperty})");
        writer.Line($"var index = (long)item.{shape.IndexProperty};");
        writer.Open("if (index < 0 || index >= vectors.Length || vectors[index] is not null)");
        writer.Line("throw new global::System.InvalidOperationException(");
        writer.Line("    $\"The server returned embedding index {index} for a request of {texts.Count} texts.\");");
        writer.Close();
        writer.Line();
        writer.Line($"vectors[index] = item.{shape.EmbeddingProperty};");
        writer.Close();
        writer.Line();
        writer.Line("var missing = global::System.Array.IndexOf(vectors, null);");
        writer.Open("if (missing >= 0)");
        writer.Line("throw new global::System.InvalidOperationException(");
        writer.Line("    $\"The server returned no embedding for text {missing} of a request of {texts.Count}.\");");
        writer.Close();
        writer.Line();
        writer.Line("return vectors;");
        writer.Close();
        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }
}
