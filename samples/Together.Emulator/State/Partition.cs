namespace Together.Emulator;

/// <summary>The windows and counters of one (API key, model or endpoint path) pair.</summary>
internal sealed class Partition
{
    public SlidingWindow Accepted { get; } = new();

    public SlidingWindow Tokens { get; } = new();

    public SlidingWindow Attempted { get; } = new();

    public long AcceptedCount { get; set; }

    public long RejectedCount { get; set; }

    public int PeakAccepted { get; set; }

    public int PeakAttempted { get; set; }

    public void Prune(long now, long span)
    {
        Accepted.Prune(now, span);
        Tokens.Prune(now, span);
        Attempted.Prune(now, span);
    }
}
