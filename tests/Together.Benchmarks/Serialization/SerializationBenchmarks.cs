using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Together.Models;

namespace Together.Benchmarks;

/// <summary>
/// A chat request written and a chat response read, through the metadata the generator emits
/// (<c>TogetherJson</c>) and through reflection-based System.Text.Json over the same generated types and the same
/// web defaults. The response is the generator tests' realistic completion payload.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private const string Write = "write a chat request";
    private const string Read = "read a chat response";
    private const string FirstUse = "first write and read on new options (metadata built)";

    private static readonly JsonSerializerOptions Reflection = CreateReflectionOptions();
    private ChatCompletionRequest _request = null!;
    private byte[] _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = new ChatCompletionRequest
        {
            Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            Messages = new List<ChatCompletionMessageParam>
            {
                new ChatCompletionSystemMessageParam { Content = "You answer in one short sentence." },
                new ChatCompletionUserMessageParam { Content = "How are Together's rate limits enforced?" },
            },
            MaxTokens = 64,
            Temperature = 0.7f,
            Stop = new List<string> { "\n\n" },
        };
        _response = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "chat-completion.json"));
    }

    [BenchmarkCategory(Write)]
    [Benchmark(Baseline = true, Description = "reflection")]
    public byte[] WriteWithReflection() => JsonSerializer.SerializeToUtf8Bytes(_request, Reflection);

    [BenchmarkCategory(Write)]
    [Benchmark(Description = "emitted metadata")]
    public byte[] WriteWithEmittedMetadata() =>
        JsonSerializer.SerializeToUtf8Bytes(_request, TogetherJson.TypeInfo<ChatCompletionRequest>());

    [BenchmarkCategory(Read)]
    [Benchmark(Baseline = true, Description = "reflection")]
    public ChatCompletionResponse? ReadWithReflection() =>
        JsonSerializer.Deserialize<ChatCompletionResponse>(_response, Reflection);

    [BenchmarkCategory(Read)]
    [Benchmark(Description = "emitted metadata")]
    public ChatCompletionResponse? ReadWithEmittedMetadata() =>
        JsonSerializer.Deserialize(_response, TogetherJson.TypeInfo<ChatCompletionResponse>());

    // A fresh options instance each time: what a process pays on its first call, the metadata built from scratch
    // (reflection inspects the types; the emitted metadata only runs its factories). JIT cost is not included.
    [BenchmarkCategory(FirstUse)]
    [Benchmark(Baseline = true, Description = "reflection")]
    public ChatCompletionResponse? FirstUseWithReflection()
    {
        var options = CreateReflectionOptions();
        JsonSerializer.SerializeToUtf8Bytes(_request, options);
        return JsonSerializer.Deserialize<ChatCompletionResponse>(_response, options);
    }

    [BenchmarkCategory(FirstUse)]
    [Benchmark(Description = "emitted metadata")]
    public ChatCompletionResponse? FirstUseWithEmittedMetadata()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = TogetherJsonMetadata.Instance,
        };
        JsonSerializer.SerializeToUtf8Bytes(_request, options.GetTypeInfo(typeof(ChatCompletionRequest)));
        return (ChatCompletionResponse?)JsonSerializer.Deserialize(
            _response, options.GetTypeInfo(typeof(ChatCompletionResponse)));
    }

    /// <summary>The generated client's options, but resolving through reflection instead of its metadata.</summary>
    internal static JsonSerializerOptions CreateReflectionOptions() =>
        new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}
