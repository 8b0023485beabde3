using System;
using System.Threading;
using Polly;

namespace Together.Generated;

/// <summary>
/// The state of one call across its attempts: the request, the caller's token joined with the total timeout, the
/// attempt count and when the call started.
/// </summary>
internal sealed class CallScope : IDisposable
{
    private readonly CancellationTokenSource _total;
    private readonly CancellationTokenRegistration _callerCancels;

    public CallScope(
        ApiRequest request, ResponseKind kind, ClientSettings settings, CancellationToken cancellationToken)
    {
        Request = request;
        Kind = kind;
        Settings = settings;
        CallerToken = cancellationToken;
        StartTimestamp = settings.Time.GetTimestamp();
        _total = new CancellationTokenSource(settings.TotalTimeout, settings.Time);

        // The caller's token cancels the total source rather than both being linked into a third one: one source
        // a call instead of two, and none registered when the caller's token cannot be cancelled (the usual case).
        if (cancellationToken.CanBeCanceled)
        {
            _callerCancels = cancellationToken.UnsafeRegister(
                static total => ((CancellationTokenSource)total!).Cancel(), _total);
        }
    }

    public ApiRequest Request { get; }

    public EndpointDescriptor Endpoint => Request.Endpoint;

    public ResponseKind Kind { get; }

    public ClientSettings Settings { get; }

    /// <summary>The caller's token joined with the total timeout.</summary>
    public CancellationToken Token => _total.Token;

    public CancellationToken CallerToken { get; }

    public long StartTimestamp { get; }

    /// <summary>Attempts started so far; they run one after another, never concurrently.</summary>
    public int Attempts { get; set; }

    /// <summary>The call's span, when something listens to <see cref="TogetherTelemetry.Name"/>.</summary>
    public System.Diagnostics.Activity? Activity { get; set; }

    /// <summary>
    /// True when the total timeout, not the caller, cancelled the call (the caller's cancellation cancels the total
    /// source too, hence the second test).
    /// </summary>
    public bool TotalTimeoutElapsed => _total.IsCancellationRequested && !CallerToken.IsCancellationRequested;

    public long ElapsedMilliseconds => (long)Settings.Time.GetElapsedTime(StartTimestamp).TotalMilliseconds;

    /// <summary>What is left of the total timeout; null when it is infinite.</summary>
    public TimeSpan? Remaining =>
        Settings.TotalTimeout == Timeout.InfiniteTimeSpan
            ? null
            : Settings.TotalTimeout - Settings.Time.GetElapsedTime(StartTimestamp);

    /// <summary>The wait before the next attempt, decided together with whether to retry.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>
    /// A wait the call refused because it did not fit the time left (with that time), so that the error can say so.
    /// </summary>
    public (TimeSpan Wait, TimeSpan Left)? RefusedWait { get; set; }

    /// <summary>
    /// The outcome of the first attempt, run before the retry pipeline, until the pipeline's first attempt takes it.
    /// </summary>
    public Outcome<AttemptResult>? FirstOutcome { get; set; }

    /// <summary>Takes <see cref="FirstOutcome"/>, once.</summary>
    public Outcome<AttemptResult>? TakeFirstOutcome()
    {
        var first = FirstOutcome;
        FirstOutcome = null;
        return first;
    }

    public void Dispose()
    {
        // First the registration, which waits for a running callback: the source must outlive any Cancel on it.
        _callerCancels.Dispose();
        _total.Dispose();
    }
}
