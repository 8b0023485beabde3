using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Together.Emulator;

namespace Together.Generated.AI.Tests;

/// <summary><see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> through the generated adapter.</summary>
public sealed class EmbeddingGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_TenTexts_OneVectorPerTextInOrderInBatchesOfTheLimitsFile()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var generator = rig.Client.AsEmbeddingGenerator(EmulatorRig.EmbeddingModel);
        var texts = Enumerable.Range(0, 10).Select(i => $"text number {i}").ToArray();

        var embeddings = await rig.DriveAsync(
            generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken),
            "embeddings", EmulatorRig.EmbeddingModel, TimeSpan.FromMilliseconds(100), maxSteps: 100);

        Assert.Equal(10, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = EmbeddingsEndpoint.Vector(texts[i], rig.State.Options.EmbeddingDimensions);
            Assert.Equal(expected, embeddings[i].Vector.ToArray());
            Assert.Equal(EmulatorRig.EmbeddingModel, embeddings[i].ModelId);
        }

        // embedding_batch_size is 4 in this folder's limits file: 4 + 4 + 2.
        Assert.Equal(3, rig.State.GetStats().RequestsByEndpoint["POST /embeddings"]);
        Assert.Equal(0, rig.State.GetStats().RateLimited);
    }

    [Fact]
    public async Task GenerateAsync_ModelInOptions_OverridesTheDefault()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var generator = rig.Client.AsEmbeddingGenerator("default/model");

        var embeddings = await generator.GenerateAsync(
            ["a"], new EmbeddingGenerationOptions { ModelId = EmulatorRig.EmbeddingModel },
            TestContext.Current.CancellationToken);

        Assert.Single(embeddings);
        Assert.Equal(EmulatorRig.EmbeddingModel, Assert.Single(rig.Requests.All).Body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task GenerateAsync_DimensionsAsked_ThrowsNotSupported()
    {
        await using var rig = await EmulatorRig.StartAsync(new EmulatorOptions());
        var generator = rig.Client.AsEmbeddingGenerator(EmulatorRig.EmbeddingModel);

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync(
            ["a"], new EmbeddingGenerationOptions { Dimensions = 4 }, TestContext.Current.CancellationToken));
        Assert.Empty(rig.Requests.All);
    }
}
