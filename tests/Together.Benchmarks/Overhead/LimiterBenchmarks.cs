using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Together.Generated;

namespace Together.Benchmarks;

/// <summary>
/// An uncontended permit: one bucket acquired and released, and a chat endpoint's two limiters (key and model)
/// through the registry as every generated call takes them, on a clock that always finds a permit ready.
/// </summary>
[MemoryDiagnoser]
public class LimiterBenchmarks
{
    private const int PerMinute = 600;
    private ClockedTokenBucketLimiter _bucket = null!;
    private LimiterRegistry _registry = null!;
    private EndpointDescriptor _endpoint = null!;
    private ILimitedRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new SteppingClock();
        _bucket = new ClockedTokenBucketLimiter(
            clock, idleCapacity: 1, secondShare: 10, budget: PerMinute, TimeSpan.FromMinutes(1), queueLimit: 1000);
        var limits = new TogetherLimits();
        limits.Limiters["key"] = new LimiterDefinition
        {
            Name = "key", RunAt = PerMinute, Window = TimeSpan.FromMinutes(1),
        };
        limits.Limiters["chat"] = new LimiterDefinition
        {
            Name = "chat", RunAt = PerMinute, Window = TimeSpan.FromMinutes(1), Scope = PartitionScope.Model,
        };
        _registry = new LimiterRegistry(limits, clock, "bench");
        _endpoint = new EndpointDescriptor(
            "CreateChatCompletion", "POST", "/chat/completions", ["key", "chat"], "default");
        _request = new BenchRequest();
    }

    [Benchmark(Description = "one token bucket: acquire + release")]
    public async Task Bucket() => (await _bucket.AcquireAsync(1)).Dispose();

    [Benchmark(Description = "chat endpoint's key + model limiters: acquire + release")]
    public async Task Registry() => (await _registry.AcquireAsync(_endpoint, _request, default)).Dispose();

    [GlobalCleanup]
    public void Cleanup()
    {
        _bucket.Dispose();
        _registry.Dispose();
    }

    private sealed class BenchRequest : ILimitedRequest
    {
        public string? Model => "bench/model";

        public int? MaxTokens => 8;

        public int? Choices => null;

        public bool Streams => false;
    }
}
