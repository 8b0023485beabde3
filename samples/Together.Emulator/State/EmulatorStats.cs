using System.Collections.Generic;

namespace Together.Emulator;

/// <summary>
/// What the emulator has seen since it started or was last reset. Served as camelCase JSON by
/// <c>GET /_emulator/stats</c>. "Accepted" means a request passed authentication, validation, the rate limit and the
/// capacity check (faults are injected after that, so a faulted request is accepted too); peaks are counted over
/// every one-second sliding window on the injected clock, exactly, from those timestamps.
/// </summary>
/// <param name="TotalRequests">Every request to an API endpoint under <c>/v1</c>, including refused ones.</param>
/// <param name="AcceptedRequests">Requests let in (see above).</param>
/// <param name="RequestsByEndpoint">
/// Requests by <c>METHOD /path</c> as the spec writes it, e.g. <c>POST /chat/completions</c>.
/// </param>
/// <param name="RequestsByModel">Requests that named a model, by model id.</param>
/// <param name="ResponsesByStatus">Responses by HTTP status code; <c>aborted</c> counts cut connections.</param>
/// <param name="RateLimited">429 responses sent, whatever caused them (limits or injected faults).</param>
/// <param name="TokenLimited">429 responses caused by the token limit.</param>
/// <param name="Overloaded">503 responses sent, whatever caused them (capacity or injected faults).</param>
/// <param name="FaultsInjected">Times a fault rule fired.</param>
/// <param name="ConnectionsAborted">Connections the emulator cut, or that the client dropped mid-request.</param>
/// <param name="PeakAcceptedPerSecond">Most accepted requests, all keys and models together, in one second.</param>
/// <param name="PeakAttemptedPerSecond">
/// Most requests that reached the rate limiter in one second, refused included.
/// </param>
/// <param name="PeakConcurrentRequests">Most accepted requests in flight at once.</param>
/// <param name="Partitions">
/// Figures per rate-limit partition, keyed <c>key|scope</c> (see <see cref="PartitionStats"/>).
/// </param>
public sealed record EmulatorStats(
    long TotalRequests,
    long AcceptedRequests,
    IReadOnlyDictionary<string, long> RequestsByEndpoint,
    IReadOnlyDictionary<string, long> RequestsByModel,
    IReadOnlyDictionary<string, long> ResponsesByStatus,
    long RateLimited,
    long TokenLimited,
    long Overloaded,
    long FaultsInjected,
    long ConnectionsAborted,
    int PeakAcceptedPerSecond,
    int PeakAttemptedPerSecond,
    int PeakConcurrentRequests,
    IReadOnlyDictionary<string, PartitionStats> Partitions);

/// <summary>
/// Figures of one rate-limit partition: an API key with a model, or with an endpoint path for requests that name no
/// model. Keys of 12 characters or fewer are shown whole, longer ones as their first 4 and last 4 characters.
/// </summary>
/// <param name="Key">The API key, shortened as described above.</param>
/// <param name="Scope">The model id, or the endpoint path such as <c>/files</c>.</param>
/// <param name="Accepted">Requests let in.</param>
/// <param name="Rejected">Requests refused with 429 or 503 by the limits and capacity.</param>
/// <param name="PeakAcceptedPerSecond">Most accepted requests in one second; never above the partition's limit.</param>
/// <param name="PeakAttemptedPerSecond">Most requests, refused included, in one second.</param>
public sealed record PartitionStats(
    string Key,
    string Scope,
    long Accepted,
    long Rejected,
    int PeakAcceptedPerSecond,
    int PeakAttemptedPerSecond);
