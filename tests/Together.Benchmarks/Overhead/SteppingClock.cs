using System;
using System.Threading;

namespace Together.Benchmarks;

/// <summary>
/// A clock that moves a whole second every time it is read, so that a limiter under benchmark always finds its
/// window clear: what is timed is the acquisition's own work, never a wait, and the grant log stays empty.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _timestamp;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _timestamp, TimeSpan.TicksPerSecond);
}
