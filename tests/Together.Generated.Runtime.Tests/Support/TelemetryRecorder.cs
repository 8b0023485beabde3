using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// Collects the client's measurements and spans for one API key fingerprint. The listeners see every client in the
/// test process, so each test uses its own key and keeps only what carries that key's fingerprint.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly string _fingerprint;

    public TelemetryRecorder(string apiKey)
    {
        _fingerprint = KeyFingerprint.Of(apiKey);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TogetherTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TogetherTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("together.key.fingerprint"), _fingerprint))
                {
                    Spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public string Fingerprint => _fingerprint;

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public double Sum(string instrument, Func<Measurement, bool>? where = null) =>
        Measurements.Where(m => m.Instrument == instrument && (where?.Invoke(m) ?? true)).Sum(m => m.Value);

    public int Count(string instrument) => Measurements.Count(m => m.Instrument == instrument);

    /// <summary>Every string the telemetry carried: tag values, span names, event names and event tag values.</summary>
    public IEnumerable<string> AllText() =>
        Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty))
            .Concat(Spans.SelectMany(s => new[] { s.DisplayName, s.StatusDescription ?? string.Empty }
                .Concat(s.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty))
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? string.Empty)
                    .Append(e.Name)))));

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var bag = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            bag[tag.Key] = tag.Value;
        }

        if (Equals(bag.GetValueOrDefault("together.key.fingerprint"), _fingerprint))
        {
            Measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value), bag));
        }
    }

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
