using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>TogetherEmbeddingGenerator</c>, a Microsoft.Extensions.AI <c>IEmbeddingGenerator</c> over the generated
/// <c>EmbedManyAsync</c> (batched under the embeddings operation's limiters), and its <c>AsEmbeddingGenerator</c>
/// extension.
/// </summary>
internal static class EmbeddingGeneratorEmitter
{
    private const string AI = "global::Microsoft.Extensions.AI.";
    private const string Mapping = "global::Together.Generated.AI.";
    private const string Generator = AI + "IEmbeddingGenerator<string, " + AI + "Embedding<float>>";
    private const string Result = AI + "GeneratedEmbeddings<" + AI + "Embedding<float>>";

    /// <summary>The vector types the runtime's <c>EmbeddingMapping.ToEmbeddings</c> takes.</summary>
    public static bool Converts(EmbeddingBatchShape shape) =>
        shape.VectorType is "global::System.Collections.Generic.IList<double>"
            or "global::System.Collections.Generic.IList<float>";

    public static string Emit(EmitContext context, GroupNames group)
    {
        var writer = new CodeWriter();
        writer.Line("/// <summary>");
        writer.Line($"/// An <see cref=\"{AI}IEmbeddingGenerator{{TInput, TEmbedding}}\"/> over");
        writer.Line("/// <see cref=\"TogetherClient\"/>: the texts go through");
        writer.Line($"/// <see cref=\"{group.ClassName}.EmbedManyAsync\"/>,");
        writer.Line("/// batched by the limits file's <c>embedding_batch_size</c> under the embeddings limiters and");
        writer.Line("/// retry policy. Returns one embedding per text, in order. Dimensions are not supported.");
        writer.Line("/// </summary>");
        writer.Open($"public sealed class TogetherEmbeddingGenerator : {Generator}");
        writer.Line("private readonly TogetherClient _client;");
        writer.Line($"private readonly {AI}EmbeddingGeneratorMetadata _metadata;");
        writer.Line();
        writer.Line("/// <summary>Wraps <paramref name=\"client\"/>, which stays the caller's to dispose.</summary>");
        writer.Line("/// <param name=\"client\">The generated client whose limits every call keeps to.</param>");
        writer.Line("/// <param name=\"defaultModelId\">");
        writer.Line("/// The model for calls whose options name none; null means every call must name one.");
        writer.Line("/// </param>");
        writer.Open("public TogetherEmbeddingGenerator(TogetherClient client, string? defaultModelId)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.Line("_client = client;");
        writer.Line("DefaultModelId = defaultModelId;");
        writer.Line($"_metadata = new {AI}EmbeddingGeneratorMetadata(");
        writer.Line($"    {Mapping}TogetherAI.ProviderName, null, defaultModelId, null);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The model for calls whose options name none; may be null.</summary>");
        writer.Line("public string? DefaultModelId { get; }");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public async global::System.Threading.Tasks.Task<{Result}> GenerateAsync(");
        writer.Line("    global::System.Collections.Generic.IEnumerable<string> values,");
        writer.Line($"    {AI}EmbeddingGenerationOptions? options = null,");
        writer.Open("    global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line($"var (texts, model) = {Mapping}EmbeddingMapping.Prepare(values, options, DefaultModelId);");
        writer.Line($"var vectors = await _client.{group.Property}.EmbedManyAsync(");
        writer.Line("    texts, model, cancellationToken: cancellationToken).ConfigureAwait(false);");
        writer.Line($"return {Mapping}EmbeddingMapping.ToEmbeddings(vectors, model);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open("public object? GetService(global::System.Type serviceType, object? serviceKey = null)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(serviceType);");
        writer.Line("return serviceKey is not null ? null");
        writer.Line($"    : serviceType == typeof({AI}EmbeddingGeneratorMetadata) ? _metadata");
        writer.Line("    : serviceType == typeof(TogetherClient) ? _client");
        writer.Line("    : serviceType.IsInstanceOfType(this) ? this");
        writer.Line("    : null;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Does nothing: the <see cref=\"TogetherClient\"/> is the caller's.</summary>");
        writer.Open("public void Dispose()");
        writer.Close();
        writer.Close();
        writer.Line();
        ExtensionsEmitter.Open(writer);
        writer.Line("/// <summary>");
        writer.Line($"/// An <see cref=\"{AI}IEmbeddingGenerator{{TInput, TEmbedding}}\"/>");
        writer.Line("/// over <paramref name=\"client\"/> that keeps to its limits.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"client\">");
        writer.Line("/// The generated client; disposing the generator does not dispose it.");
        writer.Line("/// </param>");
        writer.Line("/// <param name=\"defaultModelId\">");
        writer.Line("/// The model for calls whose options name none. Default null: every call must name one.");
        writer.Line("/// </param>");
        writer.Line($"public static {Generator} AsEmbeddingGenerator(");
        writer.Line("    this TogetherClient client, string? defaultModelId = null) =>");
        writer.Line("    new TogetherEmbeddingGenerator(client, defaultModelId);");
        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }
}
