using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Models;

namespace Together.EndToEnd.Tests;

/// <summary>Model fallback on a 503 storm, and the error for a model the server does not know.</summary>
public sealed class FallbackAndUnknownModelTests
{
    private const string Primary = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    private const string Fallback = "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo";

    [Fact]
    public async Task Chat_PrimaryModelInA503Storm_RetriesThenCompletesOnTheFallbackModel()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions
            {
                RequestsPerSecond = 100,
                Faults = { new FaultRule { Status = 503, Rate = 1.0, Model = Primary } },
            },
            requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty));
        var request = Chat.Ask("Hello", Primary, maxTokens: 8);
        using var capture = TogetherResponseCapture.Start();

        var response = await rig.DriveAsync(
            rig.Client.Core.SendAsync(
                Chat.Request(fallbacks: [Fallback])
                    .WithJsonBody(request, TogetherJson.TypeInfo<ChatCompletionRequest>()),
                TogetherJson.TypeInfo<ChatCompletionResponse>(),
                TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100),
            maxSteps: 2000);

        var stats = rig.State.GetStats();
        Assert.Equal(Fallback, response.Model);
        Assert.Equal(Fallback, capture.Last?.Model);
        Assert.True(capture.Last?.FellBack);
        Assert.Equal(Primary, request.Model);

        // The default policy's three retries on the primary, then one call on the fallback.
        Assert.Equal(4, stats.RequestsByModel[Primary]);
        Assert.Equal(1, stats.RequestsByModel[Fallback]);
        Assert.Equal(4, stats.Overloaded);
    }

    [Fact]
    public async Task Chat_BothModelsOverloaded_FailsWithTheLastServerError()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions
            {
                RequestsPerSecond = 100,
                Faults = { new FaultRule { Status = 503, Rate = 1.0 } },
            },
            requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty));

        var call = rig.Client.Core.SendAsync(
            Chat.Request(fallbacks: [Fallback]).WithJsonBody(
                Chat.Ask("Hello", Primary, maxTokens: 8), TogetherJson.TypeInfo<ChatCompletionRequest>()),
            TogetherJson.TypeInfo<ChatCompletionResponse>(),
            TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<ServerException>(() =>
            rig.DriveAsync(call, TimeSpan.FromMilliseconds(100), maxSteps: 2000));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(8, rig.State.GetStats().Overloaded);
    }

    [Fact]
    public async Task Chat_FirstFallbackUnknownToTheServer_SkippedAndTheNextOneAnswers()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions
            {
                RequestsPerSecond = 100,
                KnownModelsOnly = true,
                Faults = { new FaultRule { Status = 503, Rate = 1.0, Model = Primary } },
            },
            requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty));

        var response = await rig.DriveAsync(
            rig.Client.Core.SendAsync(
                Chat.Request(fallbacks: ["acme/gone", Fallback]).WithJsonBody(
                    Chat.Ask("Hello", Primary, maxTokens: 8), TogetherJson.TypeInfo<ChatCompletionRequest>()),
                TogetherJson.TypeInfo<ChatCompletionResponse>(),
                TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100),
            maxSteps: 2000);

        Assert.Equal(Fallback, response.Model);
    }

    [Fact]
    public async Task Chat_UnknownModel_ModelNotFoundNamesItAndTheModelListOmitsIt()
    {
        const string Unknown = "acme/no-such-model";
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions { KnownModelsOnly = true }, requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty));

        var call = rig.Client.Chat.ChatCompletionsAsync(
            Chat.Ask("Hello", Unknown, maxTokens: 8), TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            rig.DriveAsync(call, TimeSpan.FromMilliseconds(100), maxSteps: 100));
        var models = await rig.DriveAsync(
            rig.Client.Models.ModelsAsync(cancellationToken: TestContext.Current.CancellationToken),
            TimeSpan.FromMilliseconds(100), maxSteps: 100);

        Assert.Equal(Unknown, error.Model);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains(Unknown, error.Message, StringComparison.Ordinal);
        Assert.Contains("ModelsAsync", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(models, m => m.Id == Unknown);
        Assert.Contains(models, m => m.Id == Primary);
    }

    [Fact]
    public async Task Files_UnknownId_PlainNotFoundNotAModelError()
    {
        await using var rig = await FakeClockRig.StartAsync(
            new EmulatorOptions { KnownModelsOnly = true }, requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty));

        var call = rig.Client.Files.GetFilesIdAsync("file-missing", TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            rig.DriveAsync(call, TimeSpan.FromMilliseconds(100), maxSteps: 100));

        Assert.IsNotType<ModelNotFoundException>(error);
    }
}
