using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.EndToEnd;

/// <summary>
/// One mapping in the limits file decides both what the generated method's attributes say and which limiter the
/// runtime acquires for the call: the two cannot drift apart, because both come from the same resolved policy.
/// </summary>
public sealed class LimitsMappingTests
{
    private const string Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    private const string ChatRule = "  - operation_id: chat-completions\n    limiters: [key, chat]";

    [Fact]
    public async Task ChatMapping_ChangedInLimitsFile_ChangesAttributeAndAcquiredLimiter()
    {
        var limits = File.ReadAllText(Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml"));
        Assert.Contains(ChatRule, limits);
        var changed = limits.Replace(ChatRule, "  - operation_id: chat-completions\n    limiters: [key, embeddings]");

        var before = await CallChatAsync(limits);
        var after = await CallChatAsync(changed);

        Assert.Equal(new[] { "key", "chat" }, before.AttributeLimiters);
        Assert.Equal(1L, before.Leases["chat"]);
        Assert.Null(before.Leases["embeddings"]);
        Assert.Equal(1L, before.Leases["key"]);

        Assert.Equal(new[] { "key", "embeddings" }, after.AttributeLimiters);
        Assert.Null(after.Leases["chat"]);
        Assert.Equal(1L, after.Leases["embeddings"]);
        Assert.Equal(1L, after.Leases["key"]);
    }

    [Fact]
    public void FallbackModels_InLimitsFile_ReachTheEmittedEndpointInOrder()
    {
        var limits = File.ReadAllText(Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml"));
        var changed = limits.Replace(ChatRule, ChatRule + "\n    fallback_models: [\"a/first\", \"b/second\"]");
        var specPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "openapi.yaml");

        var result = GeneratorHarness.Run(new[]
        {
            (specPath, File.ReadAllText(specPath)),
            ("/project/together.limits.yaml", changed),
        });
        var endpoints = GeneratedAssembly.Type(GeneratedAssembly.Load(result.Output), "Together.TogetherEndpoints");
        var chat = (EndpointDescriptor)endpoints.GetProperty("ChatCompletions")!.GetValue(null)!;
        var completions = (EndpointDescriptor)endpoints.GetProperty("Completions")!.GetValue(null)!;

        Assert.Equal(new[] { "a/first", "b/second" }, chat.FallbackModels);
        Assert.Empty(completions.FallbackModels);
    }

    private static async Task<CallOutcome> CallChatAsync(string limitsText)
    {
        var specPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "openapi.yaml");
        var result = GeneratorHarness.Run(new[]
        {
            (specPath, File.ReadAllText(specPath)),
            ("/project/together.limits.yaml", limitsText),
        });
        var assembly = GeneratedAssembly.Load(result.Output);

        var chatApi = GeneratedAssembly.Type(assembly, "Together.ChatApi");
        var method = chatApi.GetMethod("ChatCompletionsAsync")!;
        var attributeLimiters = method.GetCustomAttributes<TogetherLimiterAttribute>().Select(a => a.Name).ToArray();

        var handler = new ChatHandler();
        var options = new TogetherClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:5999/v1") };
        var clientType = GeneratedAssembly.Type(assembly, "Together.TogetherClient");
        using var client = (IDisposable)Activator.CreateInstance(clientType, new HttpClient(handler), options)!;
        var chat = clientType.GetProperty("Chat")!.GetValue(client)!;
        var request = NewRequest(assembly, method.GetParameters()[0].ParameterType);

        var task = (Task)method.Invoke(chat, new[] { request, CancellationToken.None })!;
        await task;

        Assert.Equal(1, handler.Calls);
        Assert.Equal("/v1/chat/completions", handler.LastPath);
        var core = (TogetherClientCore)clientType.GetProperty("Core")!.GetValue(client)!;
        var leases = new Dictionary<string, long?>();
        foreach (var limiter in new[] { "key", "chat", "embeddings" })
        {
            leases[limiter] = core.Limiters.GetStatistics(limiter, Model)?.TotalSuccessfulLeases;
        }

        return new CallOutcome(attributeLimiters, leases);
    }

    private static object NewRequest(Assembly assembly, Type requestType)
    {
        var json = GeneratedAssembly.Type(assembly, "Together.Models.TogetherJson")
            .GetProperty("Options")!.GetValue(null)!;
        var body = $$"""{"model":"{{Model}}","messages":[{"role":"user","content":"Hi"}],"max_tokens":8}""";
        return JsonSerializer.Deserialize(body, requestType, (JsonSerializerOptions)json)!;
    }

    private sealed record CallOutcome(string[] AttributeLimiters, Dictionary<string, long?> Leases);

    private sealed class ChatHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string? LastPath { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
        {
            Calls++;
            LastPath = request.RequestUri!.AbsolutePath;
            const string Body = """
                {"id":"c1","object":"chat.completion","created":1733000000,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
                """;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            });
        }
    }
}
