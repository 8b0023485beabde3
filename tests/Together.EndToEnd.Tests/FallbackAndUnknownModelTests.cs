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
        var request = Ask(Primary);
        using var capture = TogetherResponseCapture.Start();

        var response = await rig.DriveAsync(
            rig.Client.Core.SendAsync(
                ChatWithFallback().WithJsonBody(request, TogetherJson.TypeInfo<ChatCompletionRequest>()),
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
            ChatWithFallback().WithJsonBody(Ask(Primary), TogetherJson.TypeInfo<ChatCompletionRequest>()),
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
                ChatWithFallback("acme/gone", Fallback).WithJsonBody(
                    Ask(Primary), TogetherJson.TypeInfo<ChatCompletionRequest>()),
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

        var call = rig.Client.Chat.ChatCompletionsAsync(Ask(Unknown), TestContext.Current.CancellationToken);
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

    // The generated chat endpoint as the limits file describes it, with a fallback model added, as a limits file
    // entry `fallback_models: [...]` on chat-completions would emit it.
    private static ApiRequest ChatWithFallback(params string[] fallbacks)
    {
        var chat = TogetherEndpoints.ChatCompletions;
        var endpoint = new EndpointDescriptor(chat.Name, chat.Method.Method, chat.PathTemplate, chat.Limiters,
            chat.RetryPolicy, chat.Idempotent, chat.ServerPath, fallbacks.Length == 0 ? [Fallback] : fallbacks);
        return new ApiRequest(endpoint, "/chat/completions");
    }

    private static ChatCompletionRequest Ask(string model) => new()
    {
        Model = model,
        Messages = new List<ChatCompletionMessageParam> { new ChatCompletionUserMessageParam { Content = "Hello" } },
        MaxTokens = 8,
    };
}
