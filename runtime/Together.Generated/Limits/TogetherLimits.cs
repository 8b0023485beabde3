using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>
/// Everything the limits file says, as the runtime uses it. The generator emits the file's values;
/// the application may change them through options before the client is built.
/// </summary>
public sealed class TogetherLimits
{
    /// <summary>Limiters by name.</summary>
    public IDictionary<string, LimiterDefinition> Limiters { get; set; } =
        new Dictionary<string, LimiterDefinition>(StringComparer.Ordinal);

    /// <summary>Retry policies by name.</summary>
    public IDictionary<string, RetryPolicyDefinition> RetryPolicies { get; set; } =
        new Dictionary<string, RetryPolicyDefinition>(StringComparer.Ordinal);

    /// <summary>Batch API limits.</summary>
    public BatchLimits Batches { get; set; } = new();

    /// <summary>Texts per request when embedding in batches. Default 20.</summary>
    public int EmbeddingBatchSize { get; set; } = 20;

    /// <summary>
    /// Limiters, in acquisition order, for a call whose endpoint the limits file assigns none explicitly
    /// (e.g. a hand-built endpoint description). Default empty.
    /// </summary>
    public IList<string> DefaultLimiters { get; set; } = new List<string>();

    /// <summary>The retry policy for a call whose endpoint names none. Default <c>"default"</c>.</summary>
    public string DefaultRetryPolicy { get; set; } = "default";

    /// <summary>How limiters adapt their rate to the server's feedback. Default: off.</summary>
    public AdaptiveSettings Adaptive { get; set; } = new();

    /// <summary>
    /// How much longer than one second a requests budget keeps each request's place in its one-second guard. The
    /// server counts a request from when it arrives, and requests sent the same interval apart arrive a few varying
    /// milliseconds apart, so a guard of exactly one second lets a second's share plus one into some server window.
    /// Default null: 10 ms on <see cref="TimeProvider.System"/>, none on any other clock (a fake clock shared with
    /// a test server has no network in between).
    /// </summary>
    public TimeSpan? ArrivalMargin { get; set; }
}

/// <summary>Limits of the Batch API, checked before a batch file is uploaded.</summary>
public sealed class BatchLimits
{
    /// <summary>Requests in one batch. Default 50,000.</summary>
    public int MaxRequestsPerBatch { get; set; } = 50_000;

    /// <summary>Batches in flight at once. Default 10.</summary>
    public int MaxBatchesInFlight { get; set; } = 10;

    /// <summary>The largest input file, in bytes. Default 100 MB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
}
