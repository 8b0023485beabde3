using System;
using System.Collections.Generic;

namespace Together.Emulator;

/// <summary>
/// Decides admission exactly from accepted-request timestamps: the per-(key, scope) request and token windows,
/// then the shared capacity (in-flight count and per-second window across all keys). Only accepted requests enter
/// the windows. It also keeps the peaks the stats report. Not thread-safe: <see cref="EmulatorState"/> locks.
/// </summary>
internal sealed class RateBook
{
    private readonly Dictionary<(string Key, string Scope), Partition> partitions = new();
    private readonly SlidingWindow overallAccepted = new();
    private readonly SlidingWindow overallAttempted = new();

    public int InFlight { get; private set; }

    public int PeakInFlight { get; private set; }

    public int PeakAccepted { get; private set; }

    public int PeakAttempted { get; private set; }

    public IEnumerable<KeyValuePair<(string Key, string Scope), Partition>> Partitions => partitions;

    public Admission Admit(EmulatorOptions options, string key, string scope, long tokens, long now, long span)
    {
        if (!partitions.TryGetValue((key, scope), out var partition))
        {
            partition = new Partition();
            partitions[(key, scope)] = partition;
        }

        partition.Prune(now, span);
        overallAccepted.Prune(now, span);
        overallAttempted.Prune(now, span);
        partition.Attempted.Add(now);
        overallAttempted.Add(now);
        partition.PeakAttempted = Math.Max(partition.PeakAttempted, partition.Attempted.Count);
        PeakAttempted = Math.Max(PeakAttempted, overallAttempted.Count);

        var requestLimit = options.RequestLimitFor(scope);
        var tokenLimit = options.TokenLimitFor(scope);
        var outcome = Decide(options, partition, requestLimit, tokenLimit, tokens);
        if (outcome != AdmissionOutcome.Accepted)
        {
            partition.RejectedCount++;
            return Report(outcome, partition, requestLimit, tokenLimit, tokens, now, span);
        }

        partition.Accepted.Add(now);
        partition.Tokens.Add(now, tokens);
        overallAccepted.Add(now);
        partition.AcceptedCount++;
        partition.PeakAccepted = Math.Max(partition.PeakAccepted, partition.Accepted.Count);
        PeakAccepted = Math.Max(PeakAccepted, overallAccepted.Count);
        InFlight++;
        PeakInFlight = Math.Max(PeakInFlight, InFlight);
        return Report(outcome, partition, requestLimit, tokenLimit, 0, now, span);
    }

    public void Release() => InFlight = Math.Max(0, InFlight - 1);

    /// <summary>Forgets windows and peaks; requests still in flight stay counted so their release balances.</summary>
    public void Clear()
    {
        partitions.Clear();
        overallAccepted.Clear();
        overallAttempted.Clear();
        PeakAccepted = 0;
        PeakAttempted = 0;
        PeakInFlight = InFlight;
    }

    private AdmissionOutcome Decide(
        EmulatorOptions options, Partition partition, int requestLimit, int tokenLimit, long tokens)
    {
        if (requestLimit > 0 && partition.Accepted.Count >= requestLimit)
        {
            return AdmissionOutcome.RequestLimited;
        }

        if (tokenLimit > 0 && partition.Tokens.Count > 0 && partition.Tokens.Sum + tokens > tokenLimit)
        {
            return AdmissionOutcome.TokenLimited;
        }

        if (options.MaxConcurrentRequests > 0 && InFlight >= options.MaxConcurrentRequests)
        {
            return AdmissionOutcome.Overloaded;
        }

        return options.CapacityPerSecond > 0 && overallAccepted.Count >= options.CapacityPerSecond
            ? AdmissionOutcome.Overloaded
            : AdmissionOutcome.Accepted;
    }

    private static Admission Report(
        AdmissionOutcome outcome, Partition partition, int requestLimit, int tokenLimit, long pending, long now,
        long span)
    {
        var accepted = partition.Accepted;

        // A refused request is told when it would fit; an accepted one when the window next frees a place.
        var requestWait = outcome == AdmissionOutcome.Accepted
            ? accepted.UntilOldestLeaves(now, span)
            : accepted.UntilRoomFor(1, requestLimit, now, span);
        var requestReset = requestLimit <= 0 ? 0 : Seconds(requestWait, span);
        var tokenReset = tokenLimit <= 0
            ? 0
            : Seconds(partition.Tokens.UntilRoomFor(Math.Max(pending, 1), tokenLimit, now, span), span);
        return new Admission(
            outcome,
            now,
            requestLimit,
            requestLimit <= 0 ? 0 : Math.Max(0, requestLimit - accepted.Count),
            requestReset,
            tokenLimit,
            tokenLimit <= 0 ? 0 : Math.Max(0, tokenLimit - partition.Tokens.Sum),
            tokenReset);
    }

    // Rounded up to the millisecond, in integers so that no float error adds one: a client that waits exactly the
    // reported time finds the room free.
    private static double Seconds(long ticks, long span) => ((ticks * 1000) + span - 1) / span / 1000.0;
}
