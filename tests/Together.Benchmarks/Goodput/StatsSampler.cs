using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Together.Emulator;

namespace Together.Benchmarks;

/// <summary>The emulator's running counts at one moment of a client's run.</summary>
/// <param name="Seconds">Time since the client started.</param>
/// <param name="Accepted">Requests the emulator let in so far.</param>
/// <param name="RateLimited">429s it sent so far.</param>
/// <param name="Total">Requests it saw so far.</param>
internal sealed record StatsSample(double Seconds, long Accepted, long RateLimited, long Total);

/// <summary>
/// Reads the emulator's counts every quarter second (and once more at the end), so that a run can be told over
/// time: goodput second by second, and 429s after the first seconds apart from those of the start.
/// </summary>
internal sealed class StatsSampler : IDisposable
{
    private readonly EmulatorState _state;
    private readonly List<StatsSample> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _timer;

    public StatsSampler(EmulatorState state)
    {
        _state = state;
        Take();
        _timer = new Timer(_ => Take(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Stops sampling and returns the samples, the last taken now.</summary>
    public IReadOnlyList<StatsSample> Stop()
    {
        _timer.Dispose();
        Take();
        lock (_samples)
        {
            return _samples.ToArray();
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Take()
    {
        var stats = _state.GetStats();
        var sample = new StatsSample(Stopwatch.GetElapsedTime(_started).TotalSeconds, stats.AcceptedRequests,
            stats.RateLimited, stats.TotalRequests);
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }
}
