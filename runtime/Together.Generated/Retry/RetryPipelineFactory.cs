using System;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Together.Generated;

/// <summary>
/// Builds the Polly pipeline for one <see cref="RetryPolicyDefinition"/>: a retry strategy whose predicate applies
/// <see cref="RetryClassifier"/>, whose delay is the server's wait hint or else <see cref="Backoff"/>, and whose
/// waits run on the client's clock. Per-call state travels in the resilience context under <see cref="CallKey"/>.
/// </summary>
internal static class RetryPipelineFactory
{
    public static readonly ResiliencePropertyKey<CallScope?> CallKey = new("Together.Generated.Call");

    public static ResiliencePipeline<AttemptResult> Create(RetryPolicyDefinition policy, ClientSettings settings)
    {
        if (policy.MaxRetries <= 0)
        {
            return ResiliencePipeline<AttemptResult>.Empty;
        }

        var options = new RetryStrategyOptions<AttemptResult>
        {
            Name = policy.Name,
            MaxRetryAttempts = policy.MaxRetries,
            ShouldHandle = args => new ValueTask<bool>(
                Handles(args.Outcome, CallOf(args.Context), policy, args.AttemptNumber, settings)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(CallOf(args.Context).NextDelay),
            OnRetry = args =>
            {
                // Release the failed attempt's permits now rather than holding them through the backoff delay.
                args.Outcome.Result?.Dispose();
                var call = CallOf(args.Context);
                var outcome = args.Outcome.Result is { } result
                    ? "HTTP " + result.StatusCode
                    : args.Outcome.Exception?.GetType().Name ?? "unknown";
                var source = args.Outcome.Result?.WaitHint is not null ? "the server's wait hint" : "backoff";
                Log.RetryScheduled(settings.Logger, call.Endpoint.Name, call.Attempts, outcome,
                    (long)args.RetryDelay.TotalMilliseconds, source);
                TogetherTelemetry.Retries.Add(1, TogetherTelemetry.Key(settings.KeyFingerprint),
                    new(TogetherTelemetry.EndpointTag, call.Endpoint.Name), new(TogetherTelemetry.ReasonTag, outcome));
                return default;
            },
        };

        return new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = settings.Time }
            .AddRetry(options)
            .Build();
    }

    /// <summary>
    /// The pipeline's predicate: whether <paramref name="outcome"/> of attempt <paramref name="retry"/> (0 for the
    /// first) is retried. It decides the wait before the next attempt too, on <paramref name="call"/>.
    /// </summary>
    public static bool Handles(
        Outcome<AttemptResult> outcome,
        CallScope call,
        RetryPolicyDefinition policy,
        int retry,
        ClientSettings settings) =>
        ShouldRetry(outcome, call, policy) && FitsTimeLeft(outcome, call, policy, retry, settings);

    /// <summary>
    /// Whether the policy allows retrying <paramref name="outcome"/>, before the time left is considered. It reads
    /// nothing but the outcome, the endpoint and the policy, so it may be asked more than once.
    /// </summary>
    public static bool ShouldRetry(Outcome<AttemptResult> outcome, CallScope call, RetryPolicyDefinition policy)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                TogetherTimeoutException => RetryClassifier.MayReplay(call.Endpoint, FailureCause.MaybeProcessed),
                HttpRequestException http => RetryClassifier.MayReplay(call.Endpoint, RetryClassifier.CauseOf(http)),
                _ => false,
            };
        }

        if (outcome.Result is not { } attempt)
        {
            return false;
        }

        // A success is never retried: its headers need no reading.
        var status = attempt.StatusCode;
        if (status < 400)
        {
            return false;
        }

        var header = RetryClassifier.ShouldRetryHeader(attempt.Response);
        return RetryClassifier.StatusAllowsRetry(status, policy, header)
            && RetryClassifier.MayReplay(call.Endpoint, RetryClassifier.CauseOf(status))

            // A wait longer than the policy tolerates fails the call now, carrying the hint, instead of sleeping.
            && !(attempt.WaitHint > policy.MaxWait);
    }

    /// <summary>
    /// Decides the wait before the next attempt (the server's hint, else backoff) and whether it fits in what is
    /// left of the total timeout; a wait that cannot fit fails the call now rather than sleeping into the timeout.
    /// </summary>
    private static bool FitsTimeLeft(
        Outcome<AttemptResult> outcome,
        CallScope call,
        RetryPolicyDefinition policy,
        int retry,
        ClientSettings settings)
    {
        if (retry >= policy.MaxRetries)
        {
            // Polly asks about the last attempt too; no retry follows it, so no wait needs to fit.
            return true;
        }

        var delay = outcome.Result?.WaitHint ?? Backoff.Delay(policy, retry, settings.Jitter());
        call.NextDelay = delay;
        if (call.Remaining is { } left && delay >= left)
        {
            call.RefusedWait = (delay, left < TimeSpan.Zero ? TimeSpan.Zero : left);
            return false;
        }

        return true;
    }

    private static CallScope CallOf(ResilienceContext context) =>
        context.Properties.GetValue(CallKey, null)
        ?? throw new InvalidOperationException("The resilience context carries no call.");
}
