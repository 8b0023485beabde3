using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>
/// Checks embedding calls and turns the generated client's vectors into Microsoft.Extensions.AI types.
/// </summary>
public static class EmbeddingMapping
{
    /// <summary>
    /// The texts as a list, and the model: the options' <see cref="EmbeddingGenerationOptions.ModelId"/>, else
    /// <paramref name="defaultModelId"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No model is named.</exception>
    /// <exception cref="NotSupportedException">
    /// The options ask for <see cref="EmbeddingGenerationOptions.Dimensions"/>.
    /// </exception>
    public static (IReadOnlyList<string> Texts, string Model) Prepare(
        IEnumerable<string> values, EmbeddingGenerationOptions? options, string? defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(values);
        var model = options?.ModelId ?? defaultModelId;
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ArgumentException(
                "No model: set EmbeddingGenerationOptions.ModelId or give the generator a default model.",
                nameof(options));
        }

        if (options?.Dimensions is not null)
        {
            throw new NotSupportedException(
                "The Together embedding generator does not support EmbeddingGenerationOptions.Dimensions.");
        }

        var texts = values.ToList();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(values));
        }

        return (texts, model);
    }

    /// <summary>One embedding per vector, in order, each tagged with <paramref name="model"/>.</summary>
    public static GeneratedEmbeddings<Embedding<float>> ToEmbeddings(IReadOnlyList<IList<double>> vectors, string model)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Count);
        foreach (var vector in vectors)
        {
            var values = new float[vector.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)vector[i];
            }

            result.Add(new Embedding<float>(values) { ModelId = model });
        }

        return result;
    }

    /// <summary>One embedding per vector, in order, each tagged with <paramref name="model"/>.</summary>
    public static GeneratedEmbeddings<Embedding<float>> ToEmbeddings(IReadOnlyList<IList<float>> vectors, string model)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Count);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector.ToArray()) { ModelId = model });
        }

        return result;
    }
}
