using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Together.Generated;
using Together.Models;

namespace Together.Quickstart;

/// <summary>The quickstart's first part: one call of each kind a new user tries first.</summary>
public static class Tour
{
    private static readonly string[] Texts =
    [
        "Rate limits are enforced per second.",
        "A token bucket refills smoothly.",
        "Retries honour the server's wait hints.",
        "Streams hold their permit until they end.",
    ];

    /// <summary>The texts the tour embeds in batches.</summary>
    public const int ManyTexts = 100;

    /// <summary>
    /// Lists models, asks one chat completion, streams another, embeds a few texts in one request, then many in
    /// batches with progress.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="model">The chat model.</param>
    /// <param name="embeddingModel">The embedding model.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">Stops the tour.</param>
    public static async Task RunAsync(
        TogetherClient client,
        string model,
        string embeddingModel,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);

        var models = await client.Models.ModelsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Models: {models.Count} available, e.g. {string.Join(", ",
            models.Take(3).Select(m => m.Id))}").ConfigureAwait(false);

        var answer = await client.Chat.ChatCompletionsAsync(Ask(model, "Say hello in five words."), cancellationToken)
            .ConfigureAwait(false);
        await output.WriteLineAsync($"Chat: {answer.Choices.FirstOrDefault()?.Message?.Content} "
            + $"({answer.Usage?.TotalTokens} tokens)").ConfigureAwait(false);

        await output.WriteAsync("Stream: ").ConfigureAwait(false);
        var request = Ask(model, "Count from one to five.");
        await foreach (var chunk in client.Chat.ChatCompletionsStreamAsync(request, cancellationToken)
            .ConfigureAwait(false))
        {
            // Printed as each chunk arrives: the stream is never buffered whole.
            await output.WriteAsync(chunk.Choices.FirstOrDefault()?.Delta?.Content).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);

        var embeddings = await client.Embeddings.EmbeddingsAsync(
            new EmbeddingsRequest { Model = embeddingModel, Input = new EmbeddingsRequestInput(Texts.ToList()) },
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Embeddings: {embeddings.Data.Count} vectors of "
            + $"{embeddings.Data.FirstOrDefault()?.Embedding.Count} dimensions").ConfigureAwait(false);

        // Many texts: EmbedManyAsync splits them into requests of the limits file's embedding_batch_size, under the
        // embeddings budget, and returns the vectors in the texts' order.
        var many = Enumerable.Range(1, ManyTexts).Select(i => $"Document #{i} to index.").ToArray();
        var progress = new InlineProgress<BatchProgress>(p => output.WriteLine(
            $"Batched embeddings: {p.CompletedInputs}/{p.TotalInputs} texts, "
            + $"{p.CompletedBatches}/{p.TotalBatches} requests"));
        var vectors = await client.Embeddings.EmbedManyAsync(many, embeddingModel, progress: progress,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Batched embeddings: {vectors.Count} vectors, in the texts' order")
            .ConfigureAwait(false);
    }

    private static ChatCompletionRequest Ask(string model, string prompt) => new()
    {
        Model = model,
        Messages = new List<ChatCompletionMessageParam> { new ChatCompletionUserMessageParam { Content = prompt } },
        MaxTokens = 64,
    };
}
