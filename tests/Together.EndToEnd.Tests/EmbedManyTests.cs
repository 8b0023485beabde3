using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>The generated <c>EmbedManyAsync</c> against the emulator in-process, on a fake clock.</summary>
public sealed class EmbedManyTests
{
    private const string Model = "BAAI/bge-base-en-v1.5";

    [Fact]
    public async Task EmbedMany_TenThousandTextsUnderTheFilesBudget_InOrderNoRefusalWithinFivePercentOfTheBudgetsTime()
    {
        // The server allows the file's embeddings budget, 300 a minute, as 5 a second; the client runs at 250.
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions { RequestsPerSecond = 5, ApiKeys = { FakeClockRig.Key } },
            requestsPerMinute: null,
            limiterToSettle: ("embeddings", Model));
        var texts = Enumerable.Range(0, 10_000).Select(i => $"text number {i}").ToArray();
        var reports = new List<BatchProgress>();
        var progress = new InlineProgress<BatchProgress>(reports.Add);
        var start = rig.Clock.GetUtcNow();

        var vectors = await rig.DriveAsync(
            rig.Client.Embeddings.EmbedManyAsync(texts, Model, progress: progress,
                cancellationToken: TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100),
            maxSteps: 5000);

        var elapsed = (rig.Clock.GetUtcNow() - start).TotalSeconds;
        var allowed = 10_000 / 20 * 60.0 / 250;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"elapsed {elapsed:F1} s of fake time, budget allows {allowed} s");
        Assert.Equal(10_000, vectors.Count);
        // The emulator derives each vector from its text alone: batching must not change which vector a text gets.
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = EmbeddingsEndpoint.Vector(texts[i], rig.State.Options.EmbeddingDimensions);
            Assert.Equal(expected.Select(v => (double)v), vectors[i], (a, b) => Math.Abs(a - b) < 1e-6);
        }

        Assert.Equal(0, rig.State.GetStats().RateLimited);
        Assert.Equal(500, rig.State.GetStats().RequestsByEndpoint["POST /embeddings"]);
        Assert.InRange(elapsed, allowed * 0.95, allowed * 1.05);
        Assert.Equal(500, reports.Count);
        Assert.Equal(new BatchProgress(10_000, 0, 10_000, 500, 500), reports.MaxBy(r => r.CompletedInputs));
    }

    [Fact]
    public async Task EmbedMany_BatchSizeOfIntMax_OneRequestForAllTexts()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions(), requestsPerMinute: null, limiterToSettle: ("embeddings", Model));

        var vectors = await rig.DriveAsync(
            rig.Client.Embeddings.EmbedManyAsync(["a", "b", "c"], Model, batchSize: int.MaxValue,
                cancellationToken: TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100), maxSteps: 100);

        Assert.Equal(3, vectors.Count);
        Assert.Equal(1, rig.State.GetStats().RequestsByEndpoint["POST /embeddings"]);
    }
}
