using System;
using System.Collections.Generic;

namespace Together.Emulator;

/// <summary>
/// How the emulator behaves. Bound from the <c>Emulator</c> configuration section when the emulator runs on its own
/// (for example <c>--Emulator:RequestsPerSecond=5</c> or <c>Emulator__RequestsPerSecond=5</c>), passed in by code
/// when it is hosted in-process, and changeable at run time through <see cref="EmulatorState.UpdateOptions"/> or
/// <c>POST /_emulator/options</c>. A limit of 0 switches that limit off.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section the options are read from: <c>Emulator</c>.</summary>
    public const string SectionName = "Emulator";

    /// <summary>
    /// Accepted requests allowed per (API key, model) inside any one-second sliding window; requests without a model
    /// are counted per (API key, endpoint path). Default 10; 0 means unlimited.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>
    /// Per-model overrides of <see cref="RequestsPerSecond"/>, keyed by model id (or, for requests without a model,
    /// by endpoint path such as <c>/files</c>). Default empty.
    /// </summary>
    public Dictionary<string, int> ModelRequestsPerSecond { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Tokens (prompt plus completion) allowed per (API key, model) inside any one-second sliding window; past it
    /// requests get 429 <c>dynamic_token_limited</c>. A request is never refused for its size alone when the window
    /// is empty, so one larger than the limit still goes through. Default 0 (off).
    /// </summary>
    public int TokensPerSecond { get; set; }

    /// <summary>
    /// Per-model overrides of <see cref="TokensPerSecond"/>, keyed like <see cref="ModelRequestsPerSecond"/>.
    /// </summary>
    public Dictionary<string, int> ModelTokensPerSecond { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When true every API response that passed authentication carries <c>x-ratelimit-limit</c>,
    /// <c>x-ratelimit-remaining</c> and <c>x-ratelimit-reset</c> (per-second units, reset in decimal seconds), plus
    /// <c>x-tokenlimit-limit</c> and <c>x-tokenlimit-remaining</c> when a token limit applies. A 429 always carries
    /// <c>x-ratelimit-reset</c>. Default false.
    /// </summary>
    public bool SendRateLimitHeaders { get; set; }

    /// <summary>
    /// Requests allowed in flight at once across all keys; past it 503 <c>server_error</c>. Default 0 (off).
    /// </summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>
    /// Accepted requests allowed across all keys and models inside any one-second sliding window; past it
    /// 503 <c>server_error</c> ("overloaded"). Checked after the per-key rate limit. Default 0 (off).
    /// </summary>
    public int CapacityPerSecond { get; set; }

    /// <summary>
    /// Fine-tuning jobs that may run (be pending or running) at once across all keys; past it a new job is refused
    /// with 429 <c>job_limit_exceeded</c> and <c>x-should-retry: false</c>, since waiting a second will not help.
    /// Default 0 (off).
    /// </summary>
    public int MaxRunningFineTunes { get; set; }

    /// <summary>
    /// When true, a request naming a model that <c>GET /v1/models</c> does not list is answered 404
    /// <c>model_not_available</c>, as Together answers it. Default false: any model id is served.
    /// </summary>
    public bool KnownModelsOnly { get; set; }

    /// <summary>Processing time of every accepted request, waited on the injected clock. Default zero.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Wait between two events of a stream, on the injected clock. Default zero.</summary>
    public TimeSpan StreamChunkDelay { get; set; }

    /// <summary>Where a stream reports usage. Default <see cref="StreamUsageMode.OnFinishChunk"/>.</summary>
    public StreamUsageMode StreamUsage { get; set; } = StreamUsageMode.OnFinishChunk;

    /// <summary>Length of the vectors <c>/embeddings</c> returns. Default 8.</summary>
    public int EmbeddingDimensions { get; set; } = 8;

    /// <summary>Completion tokens produced when a request sets no <c>max_tokens</c>, at most. Default 128.</summary>
    public int DefaultMaxTokens { get; set; } = 128;

    /// <summary>Seed of the random draws that decide which requests a fault hits. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Keys that are accepted. Default empty, which accepts any non-blank bearer key; otherwise other keys get 401.
    /// </summary>
    public List<string> ApiKeys { get; set; } = new();

    /// <summary>
    /// Time a fine-tuning job or a batch takes on the injected clock: pending or validating for the first tenth,
    /// running until the end, then completed. Default 10 seconds.
    /// </summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Faults to inject, tried in order for every accepted request. Default none.</summary>
    public List<FaultRule> Faults { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Require(RequestsPerSecond >= 0, nameof(RequestsPerSecond), "must be 0 (off) or more");
        Require(TokensPerSecond >= 0, nameof(TokensPerSecond), "must be 0 (off) or more");
        Require(MaxConcurrentRequests >= 0, nameof(MaxConcurrentRequests), "must be 0 (off) or more");
        Require(CapacityPerSecond >= 0, nameof(CapacityPerSecond), "must be 0 (off) or more");
        Require(Latency >= TimeSpan.Zero, nameof(Latency), "must not be negative");
        Require(StreamChunkDelay >= TimeSpan.Zero, nameof(StreamChunkDelay), "must not be negative");
        Require(EmbeddingDimensions is > 0 and <= 4096, nameof(EmbeddingDimensions), "must be 1 to 4096");
        Require(DefaultMaxTokens >= 0, nameof(DefaultMaxTokens), "must not be negative");
        Require(JobDuration >= TimeSpan.Zero, nameof(JobDuration), "must not be negative");
        foreach (var limit in ModelRequestsPerSecond)
        {
            Require(limit.Value >= 0, $"{nameof(ModelRequestsPerSecond)}[{limit.Key}]", "must be 0 (off) or more");
        }

        foreach (var limit in ModelTokensPerSecond)
        {
            Require(limit.Value >= 0, $"{nameof(ModelTokensPerSecond)}[{limit.Key}]", "must be 0 (off) or more");
        }

        foreach (var fault in Faults)
        {
            fault.Validate();
        }
    }

    internal EmulatorOptions Clone()
    {
        var copy = (EmulatorOptions)MemberwiseClone();
        copy.ModelRequestsPerSecond = new Dictionary<string, int>(ModelRequestsPerSecond, StringComparer.Ordinal);
        copy.ModelTokensPerSecond = new Dictionary<string, int>(ModelTokensPerSecond, StringComparer.Ordinal);
        copy.ApiKeys = new List<string>(ApiKeys);
        copy.Faults = Faults.ConvertAll(fault => fault.Clone());
        return copy;
    }

    internal int RequestLimitFor(string scope) =>
        ModelRequestsPerSecond.TryGetValue(scope, out var limit) ? limit : RequestsPerSecond;

    internal int TokenLimitFor(string scope) =>
        ModelTokensPerSecond.TryGetValue(scope, out var limit) ? limit : TokensPerSecond;

    internal static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Emulator option {name} {rule}.", name);
        }
    }
}
