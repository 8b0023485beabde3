using System.Collections.Generic;
using System.Globalization;

namespace Together.Emulator;

/// <summary>Counters behind <see cref="EmulatorStats"/>. Not thread-safe: <see cref="EmulatorState"/> locks.</summary>
internal sealed class StatsBook
{
    public const string Aborted = "aborted";

    private readonly SortedDictionary<string, long> byEndpoint = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> byModel = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> byStatus = new(System.StringComparer.Ordinal);

    public long Total { get; private set; }

    public long Accepted { get; set; }

    public long RateLimited { get; private set; }

    public long TokenLimited { get; set; }

    public long Overloaded { get; private set; }

    public long Faults { get; set; }

    public long ConnectionsAborted { get; private set; }

    public void Request(string endpoint)
    {
        Total++;
        Add(byEndpoint, endpoint);
    }

    public void Model(string model) => Add(byModel, model);

    public void Response(int? status)
    {
        if (status is null)
        {
            ConnectionsAborted++;
            Add(byStatus, Aborted);
            return;
        }

        RateLimited += status == 429 ? 1 : 0;
        Overloaded += status == 503 ? 1 : 0;
        Add(byStatus, status.Value.ToString(CultureInfo.InvariantCulture));
    }

    public EmulatorStats Snapshot(RateBook rates, IReadOnlyDictionary<string, PartitionStats> partitions) =>
        new(
            Total,
            Accepted,
            new SortedDictionary<string, long>(byEndpoint, System.StringComparer.Ordinal),
            new SortedDictionary<string, long>(byModel, System.StringComparer.Ordinal),
            new SortedDictionary<string, long>(byStatus, System.StringComparer.Ordinal),
            RateLimited,
            TokenLimited,
            Overloaded,
            Faults,
            ConnectionsAborted,
            rates.PeakAccepted,
            rates.PeakAttempted,
            rates.PeakInFlight,
            partitions);

    public void Clear()
    {
        byEndpoint.Clear();
        byModel.Clear();
        byStatus.Clear();
        Total = Accepted = RateLimited = TokenLimited = Overloaded = Faults = ConnectionsAborted = 0;
    }

    private static void Add(SortedDictionary<string, long> counts, string name) =>
        counts[name] = counts.TryGetValue(name, out var count) ? count + 1 : 1;
}
