using System;
using System.Collections.Generic;

namespace Together.Emulator;

/// <summary>
/// Weighted timestamps of the last second, oldest first. An entry is inside the window while its time is in
/// (now - span, now]: it leaves exactly one span after it arrived. Callers hold the state lock and pass times
/// that never go backwards (TimeProvider timestamps are monotonic), so the queue stays sorted.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly Queue<(long At, long Weight)> entries = new();

    public int Count => entries.Count;

    public long Sum { get; private set; }

    public long OldestAt => entries.Peek().At;

    public void Prune(long now, long span)
    {
        while (entries.TryPeek(out var entry) && entry.At <= now - span)
        {
            entries.Dequeue();
            Sum -= entry.Weight;
        }
    }

    public void Add(long at, long weight = 1)
    {
        entries.Enqueue((at, weight));
        Sum += weight;
    }

    /// <summary>Ticks until the oldest entry leaves; zero when the window is empty.</summary>
    public long UntilOldestLeaves(long now, long span) => entries.Count == 0 ? 0 : Math.Max(0, OldestAt + span - now);

    /// <summary>Ticks until enough weight has left that <paramref name="extra"/> more fits under the limit.</summary>
    public long UntilRoomFor(long extra, long limit, long now, long span)
    {
        var sum = Sum;
        var leaving = now - span;
        foreach (var entry in entries)
        {
            if (sum + extra <= limit)
            {
                break;
            }

            sum -= entry.Weight;
            leaving = entry.At;
        }

        return Math.Max(0, leaving + span - now);
    }

    public void Clear()
    {
        entries.Clear();
        Sum = 0;
    }
}
