using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>
/// The exact record of what was granted in the last window: each grant with its time, freed when the window has
/// slid past it. A grant at <c>t</c> counts in every window <c>(now - window, now]</c> until <c>now</c> reaches
/// <c>t + window</c>, which is how a server enforcing a strict sliding window counts.
/// </summary>
internal sealed class GrantLog
{
    private readonly Queue<(TimeSpan At, int Permits)> _grants = new();
    private TimeSpan _lastGrant;

    public GrantLog(TimeSpan window, int limit)
    {
        Window = window;
        Limit = limit;
    }

    public TimeSpan Window { get; }

    /// <summary>The most permits any window may hold; lowered and raised by an adaptive rate.</summary>
    public int Limit { get; set; }

    /// <summary>Permits granted inside the current window.</summary>
    public int Used { get; private set; }

    public int Free => Limit - Used;

    public void Advance(TimeSpan now)
    {
        while (_grants.Count > 0 && _grants.Peek().At + Window <= now)
        {
            Used -= _grants.Dequeue().Permits;
        }
    }

    public void Add(TimeSpan now, int permits)
    {
        _grants.Enqueue((now, permits));
        _lastGrant = now;
        Used += permits;
    }

    /// <summary>How long from <paramref name="now"/> until the window holds no grant at all.</summary>
    public TimeSpan TimeUntilEmpty(TimeSpan now) =>
        _grants.Count == 0 ? TimeSpan.Zero : _lastGrant + Window - now;

    /// <summary>How long from <paramref name="now"/> until <paramref name="permits"/> fit in the window.</summary>
    public TimeSpan TimeUntil(int permits, TimeSpan now)
    {
        var missing = permits - Free;
        if (missing <= 0)
        {
            return TimeSpan.Zero;
        }

        var freed = 0;
        foreach (var (at, granted) in _grants)
        {
            freed += granted;
            if (freed >= missing)
            {
                return at + Window - now;
            }
        }

        // More than one window holds (a queue deeper than the limit): one more window per limit's worth.
        var windows = (missing - freed + Limit - 1) / Limit;
        var last = _grants.Count > 0 ? _lastGrant + Window - now : TimeSpan.Zero;
        return last + (Window * windows);
    }
}
