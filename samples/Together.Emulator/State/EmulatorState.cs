using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Together.Emulator;

/// <summary>
/// The whole emulator's state: the current options and fault rules, the rate windows, the stats, and the stored
/// files and jobs. The host registers one instance as a singleton; tests that host the emulator in-process can take
/// it from <c>app.Services</c> and read or change it directly instead of going through <c>/_emulator/*</c>.
/// Thread-safe.
/// </summary>
public sealed partial class EmulatorState
{
    private readonly Lock sync = new();
    private readonly RateBook rates = new();
    private readonly StatsBook stats = new();
    private readonly FaultBook faults;
    private EmulatorOptions current;
    private int clockWaiters;
    private long sequence;

    /// <summary>Creates the state from a copy of <paramref name="options"/> (default: new options).</summary>
    /// <param name="options">
    /// Initial options; they are validated and copied, so later changes to them do nothing.
    /// </param>
    /// <param name="time">
    /// The clock for windows, latency and timestamps. Default <see cref="TimeProvider.System"/>.
    /// </param>
    public EmulatorState(EmulatorOptions? options = null, TimeProvider? time = null)
    {
        var copy = (options ?? new EmulatorOptions()).Clone();
        copy.Validate();
        Time = time ?? TimeProvider.System;
        faults = new FaultBook(copy.Seed, copy.Faults);
        copy.Faults = new List<FaultRule>();
        current = copy;
        Files = new FileStore(this);
        Jobs = new JobStore(this);
    }

    /// <summary>The clock every window, delay and timestamp uses.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// A copy of the current options, with <see cref="EmulatorOptions.Faults"/> set to the current rules.
    /// </summary>
    public EmulatorOptions Options
    {
        get
        {
            lock (sync)
            {
                var copy = current.Clone();
                copy.Faults = faults.Rules.ToList();
                return copy;
            }
        }
    }

    /// <summary>A copy of the active fault rules, in the order they are tried.</summary>
    public IReadOnlyList<FaultRule> Faults
    {
        get
        {
            lock (sync)
            {
                return faults.Rules;
            }
        }
    }

    /// <summary>Accepted requests now in flight.</summary>
    public int InFlight
    {
        get
        {
            lock (sync)
            {
                return rates.InFlight;
            }
        }
    }

    /// <summary>
    /// Requests now waiting on <see cref="Time"/> (latency, stream chunk delay, fault latency). With a fake clock,
    /// wait until this reaches the expected count before advancing it, so that no timer is created after the advance.
    /// </summary>
    public int ClockWaiters => Volatile.Read(ref clockWaiters);

    internal EmulatorOptions Current => Volatile.Read(ref current);

    internal FileStore Files { get; }

    internal JobStore Jobs { get; }

    /// <summary>Changes the options (fault rules included) on a copy, validates it, then makes it current.</summary>
    public void UpdateOptions(Action<EmulatorOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var next = Options;
        change(next);
        ReplaceOptions(next);
    }

    /// <summary>Makes a validated copy of <paramref name="options"/> current, fault rules included.</summary>
    public void ReplaceOptions(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        copy.Validate();
        lock (sync)
        {
            faults.Clear();
            faults.Add(copy.Faults);
            if (copy.Seed != current.Seed)
            {
                faults.Reset(copy.Seed);
            }

            copy.Faults = new List<FaultRule>();
            Volatile.Write(ref current, copy);
        }
    }

    /// <summary>Appends fault rules (validated and copied) after the active ones.</summary>
    public void AddFaults(params IEnumerable<FaultRule> added)
    {
        var copies = Validated(added);
        lock (sync)
        {
            faults.Add(copies);
        }
    }

    /// <summary>Replaces the active fault rules.</summary>
    public void SetFaults(params IEnumerable<FaultRule> replacement)
    {
        var copies = Validated(replacement);
        lock (sync)
        {
            faults.Clear();
            faults.Add(copies);
        }
    }

    /// <summary>Removes every fault rule.</summary>
    public void ClearFaults()
    {
        lock (sync)
        {
            faults.Clear();
        }
    }

    /// <summary>A snapshot of the stats.</summary>
    public EmulatorStats GetStats()
    {
        lock (sync)
        {
            var partitions = new SortedDictionary<string, PartitionStats>(StringComparer.Ordinal);
            foreach (var ((key, scope), p) in rates.Partitions)
            {
                var shown = ShortKey(key);
                partitions[$"{shown}|{scope}"] = new PartitionStats(
                    shown, scope, p.AcceptedCount, p.RejectedCount, p.PeakAccepted, p.PeakAttempted);
            }

            return stats.Snapshot(rates, partitions);
        }
    }

    /// <summary>
    /// Clears the stats and the rate windows, restarts the fault random sequence from the seed and the rules' fire
    /// counts. Options, fault rules, files and jobs stay.
    /// </summary>
    public void Reset()
    {
        lock (sync)
        {
            rates.Clear();
            stats.Clear();
            faults.Reset(current.Seed);
        }
    }

    private static List<FaultRule> Validated(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copies = rules.Select(rule => rule.Clone()).ToList();
        copies.ForEach(rule => rule.Validate());
        return copies;
    }
}
