using System;

namespace Together.Generated;

/// <summary>
/// Follows the server's real limit for one partition of a requests token bucket, never above the configured rate.
/// It works in whole requests a second, as Together counts: a 429 just after a step up returns to the rate before
/// the step; any other 429 means the limit fell, and lowers the rate by a quarter (at least one request a second).
/// It steps down at most once per window the server named; the rate then holds for <see cref="Hold"/> (2 seconds
/// when a step of several requests failed, as the limit lies inside it), and after that, while calls succeed, it
/// probes upwards by 1, 2, 4 ... requests a second each second. A server that states its limit
/// (<c>x-ratelimit-limit</c>) is simply followed. A cold partition starts at
/// <see cref="AdaptiveSettings.ColdStartFraction"/> of the configured rate and probes up from there.
/// </summary>
internal sealed class AdaptiveRate
{
    /// <summary>How long the rate stays put after a 429 before probing upwards again.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(15);

    // After a failed step of more than one request, the limit lies inside the step: look again soon, one by one.
    private static readonly TimeSpan ShortHold = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // A 429 this soon after a step up is blamed on the step.
    private static readonly TimeSpan ProbeBlame = TimeSpan.FromSeconds(2);
    private readonly object _sync = new();
    private readonly ITunableRateLimiter _bucket;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly int _maxWhole;
    private int _perSecond;
    private int _step = 1;
    private TimeSpan _lastStep;
    private TimeSpan _holdUntil;
    private TimeSpan? _lastDecrease;
    private TimeSpan? _probedAt;
    private int _beforeProbe;
    private int _probeStep;

    private readonly int _baseStep;

    /// <param name="bucket">The limiter steered.</param>
    /// <param name="coldStartFraction">The share of the configured rate it starts at.</param>
    /// <param name="time">The clock.</param>
    /// <param name="stepShare">
    /// The first probing step as a share of the configured rate; 0 (the default, for requests) means one request a
    /// second. A token budget steps by a share, as one token is no step at all.
    /// </param>
    public AdaptiveRate(ITunableRateLimiter bucket, double coldStartFraction, TimeProvider time, double stepShare = 0)
    {
        _bucket = bucket;
        _time = time;
        _origin = time.GetTimestamp();
        _maxWhole = Math.Max(1, (int)Math.Ceiling(bucket.MaxPerSecond - 1e-9));
        _perSecond = Math.Clamp((int)Math.Floor(bucket.MaxPerSecond * coldStartFraction + 1e-9), 1, _maxWhole);
        _baseStep = Math.Max(1, (int)(_maxWhole * stepShare));
        _step = _baseStep;
        _bucket.StartAt(Math.Min(_perSecond, _bucket.MaxPerSecond));
    }

    /// <summary>The rate in force, in requests a second.</summary>
    public double PerSecond => _bucket.PerSecond;

    /// <summary>The configured rate, in requests a second.</summary>
    public double MaxPerSecond => _bucket.MaxPerSecond;

    /// <summary>A call succeeded: after the hold, probe one step up per second.</summary>
    public void OnSuccess(double? serverLimit)
    {
        lock (_sync)
        {
            var now = _time.GetElapsedTime(_origin);
            Resync();
            if (Follow(serverLimit) || now < _holdUntil || now - _lastStep < Second || _perSecond >= _maxWhole)
            {
                return;
            }

            _beforeProbe = _perSecond;
            _probeStep = _step;
            _probedAt = now;
            _perSecond = Math.Min(_maxWhole, _perSecond + _step);
            _step = Math.Min(_step * 2, 1 << 20);
            _lastStep = now;
            Apply();
        }
    }

    /// <summary>The server answered 429: step down, once per window it named.</summary>
    public void OnRateLimited(TimeSpan? reset, double? serverLimit)
    {
        lock (_sync)
        {
            var now = _time.GetElapsedTime(_origin);
            Resync();
            if (Follow(serverLimit))
            {
                return;
            }

            var window = reset is { } r && r > Second ? r : Second;
            if (_lastDecrease is { } last && now - last < window)
            {
                return;
            }

            // Right after a probe, the rate before it was fine: go back to it. Otherwise the limit itself fell.
            var blamedOnProbe = _probedAt is { } probed && now - probed <= ProbeBlame;
            _perSecond = blamedOnProbe
                ? _beforeProbe
                : Math.Max(1, Math.Min(_perSecond - 1, (int)Math.Floor(_perSecond * 0.75)));
            _holdUntil = now + (blamedOnProbe && _probeStep > _baseStep ? ShortHold : Hold);
            _probedAt = null;
            _step = _baseStep;
            _lastDecrease = now;
            _lastStep = now;
            Apply();
        }
    }

    // A stated limit (per second, as Together states it) is the rate, up to the configured one.
    private bool Follow(double? serverLimit)
    {
        if (serverLimit is not { } limit || limit < 1)
        {
            return false;
        }

        var whole = Math.Clamp((int)Math.Floor(limit + 1e-9), 1, _maxWhole);
        if (whole != _perSecond)
        {
            _perSecond = whole;
            Apply();
        }

        return true;
    }

    // A shared limiter's rate may have been moved by another process: start from the rate in force.
    private void Resync()
    {
        var inForce = _bucket.PerSecond;
        if (Math.Abs(inForce - Math.Min(_perSecond, _bucket.MaxPerSecond)) > 0.5)
        {
            _perSecond = Math.Clamp((int)Math.Floor(inForce + 1e-9), 1, _maxWhole);
        }
    }

    private void Apply() => _bucket.SetRate(Math.Min(_perSecond, _bucket.MaxPerSecond));
}
