using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// A limits file as the generator uses it: value-equal, so the incremental pipeline caches it.
/// Missing settings hold their defaults; durations are whole milliseconds.
/// </summary>
internal sealed record LimitsDocument(
    int Version,
    EquatableArray<LimiterSpec> Limiters,
    EquatableArray<RetryPolicySpec> RetryPolicies,
    EquatableArray<EndpointRule> Rules,
    DefaultsSpec Defaults,
    BatchSpec Batches,
    int EmbeddingBatchSize,
    AdaptiveSpec Adaptive)
{
    /// <summary>The only format version this generator reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>The retry policy that always exists, declared in the file or not.</summary>
    public const string DefaultPolicyName = "default";

    /// <summary>The default of <c>embedding_batch_size</c>, as the runtime's.</summary>
    public const int DefaultEmbeddingBatchSize = 20;
}

/// <summary>The algorithm of a limiter (the runtime's <c>LimiterKind</c>).</summary>
internal enum LimiterAlgorithm
{
    TokenBucket,
    SlidingWindow,
    Concurrency,
    JobSlots,
}

/// <summary>What a limiter's partitions are keyed by (the runtime's <c>PartitionScope</c>).</summary>
internal enum LimiterScope
{
    Key,
    Model,
    Endpoint,
}

/// <summary>What a limiter counts (the runtime's <c>LimitUnit</c>).</summary>
internal enum LimiterUnit
{
    Requests,
    Tokens,
}

/// <summary>One named limiter.</summary>
internal sealed record LimiterSpec(
    string Name,
    LimiterAlgorithm Kind,
    int Budget,
    int RunAt,
    long WindowMilliseconds,
    LimiterUnit Unit,
    LimiterScope Scope,
    int Burst,
    int QueueLimit,
    int TokensPerRequest,
    EquatableArray<ModelBudgetSpec> Models)
{
    public const long DefaultWindowMilliseconds = 60_000;
    public const int DefaultQueueLimit = 1000;
    public const int DefaultTokensPerRequest = 1000;
}

/// <summary>A per-model budget of a limiter.</summary>
internal sealed record ModelBudgetSpec(string Model, int Budget, int RunAt);

/// <summary>One named retry policy; <see cref="RetryOn"/> is sorted, with 500 in it when <c>retry_500</c> is.</summary>
internal sealed record RetryPolicySpec(
    string Name,
    int MaxRetries,
    long BaseDelayMilliseconds,
    long MaxDelayMilliseconds,
    long MaxWaitMilliseconds,
    double Jitter,
    EquatableArray<int> RetryOn)
{
    /// <summary>The runtime's defaults: for keys a policy leaves out, and the implicit <c>default</c>.</summary>
    public static RetryPolicySpec CreateDefault(string name) => new(
        name, 3, 1_000, 30_000, 60_000, 0.25, new[] { 408, 429, 502, 503, 504, 524, 529 }.ToEquatableArray());
}

/// <summary>What endpoints no rule matches get.</summary>
internal sealed record DefaultsSpec(EquatableArray<string> Limiters, string RetryPolicy, bool Idempotent)
{
    public static DefaultsSpec Empty { get; } =
        new(EquatableArray<string>.Empty, LimitsDocument.DefaultPolicyName, false);
}

/// <summary>Batch API limits (the runtime's <c>BatchLimits</c>).</summary>
internal sealed record BatchSpec(int MaxRequestsPerBatch, int MaxBatchesInFlight, long MaxFileBytes)
{
    public static BatchSpec Default { get; } = new(50_000, 10, 100L * 1024 * 1024);
}

/// <summary>Adaptive-rate settings (the runtime's <c>AdaptiveSettings</c>).</summary>
internal sealed record AdaptiveSpec(bool Enabled, double ColdStartFraction)
{
    public static AdaptiveSpec Default { get; } = new(false, 0.5);
}
