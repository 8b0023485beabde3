using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Together.Generated;

/// <summary>
/// Runs one call: for each attempt, permits from the endpoint's limiters, then the request under the attempt
/// timeout; between attempts, the retry policy; at the end, either a successful response (still holding its
/// permits) or a typed exception.
/// </summary>
internal sealed class CallPipeline
{
    private readonly ConcurrentDictionary<string, Retries> _pipelines = new(StringComparer.Ordinal);

    private readonly HttpClient _http;
    private readonly ClientSettings _settings;
    private readonly LimiterRegistry _limiters;
    private readonly TogetherLimits _limits;
    private readonly EndpointUris _uris;

    public CallPipeline(HttpClient http, ClientSettings settings, LimiterRegistry limiters, TogetherLimits limits)
    {
        _uris = new EndpointUris(settings.BaseUrl);
        _http = http;
        _settings = settings;
        _limiters = limiters;
        _limits = limits;
    }

    public CallScope Begin(ApiRequest request, ResponseKind kind, CancellationToken cancellationToken) =>
        new(request, kind, _settings, cancellationToken);

    /// <summary>Returns a 2xx attempt, which the caller must dispose, or throws a typed exception.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<AttemptResult> SendAsync(CallScope call)
    {
        var endpoint = call.Endpoint;
        Log.CallStarting(_settings.Logger, endpoint.Name, endpoint.Method.Method, endpoint.PathTemplate);
        var policy = PolicyFor(endpoint);
        var retries = RetriesFor(endpoint.RetryPolicy, policy);
        using var activity = call.Activity = CallActivity.Start(call);
        try
        {
            Outcome<AttemptResult> outcome;
            if (call.Token.IsCancellationRequested)
            {
                // What the pipeline returns for a call cancelled before its first attempt.
                outcome = Outcome.FromException<AttemptResult>(new OperationCanceledException(call.Token));
            }
            else
            {
                // The first attempt runs outside the pipeline: most calls end with it, and the pipeline would only
                // hand back an outcome its predicate declines. One the policy may retry enters the pipeline as the
                // pipeline's own first attempt, so that every retry goes exactly as before.
                outcome = await AttemptAsync(call, call.Token).ConfigureAwait(false);
                if (retries.Retrying && RetryPipelineFactory.ShouldRetry(outcome, call, retries.Policy))
                {
                    outcome = await RetryAsync(call, retries, outcome).ConfigureAwait(false);
                }
            }

            outcome.ThrowIfException();
            var attempt = outcome.Result!;
            if (attempt.StatusCode is >= 200 and < 300)
            {
                Log.CallAnswered(_settings.Logger, endpoint.Name, attempt.StatusCode, call.Attempts,
                    call.ElapsedMilliseconds);
                CallActivity.Succeeded(activity, attempt.StatusCode);
                TogetherResponseCapture.Record(call, attempt);
                return attempt;
            }

            await using (attempt.ConfigureAwait(false))
            {
                var body = await BoundedBodyReader.ReadAsync(attempt.Response.Content, call.Token)
                    .ConfigureAwait(false);
                var error = ErrorFactory.FromResponse(call, attempt, body, policy);
                if (error is AuthenticationException or PaymentRequiredException)
                {
                    _limiters.RefuseQueued(error);
                }

                throw error;
            }
        }
        catch (OperationCanceledException e) when (call.TotalTimeoutElapsed)
        {
            throw Failed(call, ErrorFactory.TotalTimeout(call, e));
        }
        catch (HttpRequestException e)
        {
            throw Failed(call, ErrorFactory.Connection(call, e));
        }
        catch (TogetherApiException e)
        {
            e.Attempts = call.Attempts;
            Failed(call, e);
            throw;
        }
    }

    /// <summary>
    /// Runs the retry pipeline on a call whose first attempt ended in <paramref name="first"/>, which the pipeline
    /// takes as its first attempt's outcome.
    /// </summary>
    private async ValueTask<Outcome<AttemptResult>> RetryAsync(
        CallScope call, Retries retries, Outcome<AttemptResult> first)
    {
        if (call.Token.IsCancellationRequested)
        {
            // As the pipeline would: its predicate sees the outcome, then the cancellation returns it unretried.
            RetryPipelineFactory.Handles(first, call, retries.Policy, 0, _settings);
            return first;
        }

        var context = ResilienceContextPool.Shared.Get(call.Token);
        context.Properties.Set(RetryPipelineFactory.CallKey, call);
        call.FirstOutcome = first;
        try
        {
            return await retries.Pipeline.ExecuteOutcomeAsync(
                    static (ctx, state) => state.Call.TakeFirstOutcome() is { } outcome
                        ? new ValueTask<Outcome<AttemptResult>>(outcome)
                        : state.Self.AttemptAsync(state.Call, ctx.CancellationToken),
                    context,
                    (Self: this, Call: call))
                .ConfigureAwait(false);
        }
        finally
        {
            // Cancelled meanwhile, the pipeline returns without asking for the first outcome: its permits and
            // response are released here.
            call.TakeFirstOutcome()?.Result?.Dispose();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt: permits, then the request under the attempt timeout. Failures come back as the outcome's
    /// exception, as the retry pipeline's callback must return them.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<AttemptResult>> AttemptAsync(CallScope call, CancellationToken cancellationToken)
    {
        try
        {
            // A prompt's tokens are estimated from its JSON size (about four bytes a token); usage settles the rest.
            var promptTokens = (int)Math.Min((call.Request.Body?.Length ?? 0) / 4, int.MaxValue);
            var waitStarted = _settings.Time.GetTimestamp();
            LeaseBundle leases;
            try
            {
                leases = await _limiters.AcquireAsync(call.Endpoint, call.Request.Limits, cancellationToken,
                    promptTokens).ConfigureAwait(false);
            }
            catch (RateLimitedException e) when (e.LimiterName is not null)
            {
                Log.LimiterQueueFull(_settings.Logger, call.Endpoint.Name, e.LimiterName);
                CallActivity.Attempt(call.Activity, call.Attempts + 1, null, nameof(RateLimitedException),
                    _settings.Time.GetElapsedTime(waitStarted), null);
                throw;
            }

            var waited = _settings.Time.GetElapsedTime(waitStarted);
            TogetherTelemetry.PermitWait.Record(waited.TotalSeconds, Key(), Endpoint(call));
            try
            {
                call.Attempts++;

                // The call's token cancels the attempt's own source (rather than both being linked into a third):
                // one source an attempt, and the registration is disposed before the source.
                using var timeout = new CancellationTokenSource(_settings.AttemptTimeout, _settings.Time);
                using var callCancels = cancellationToken.UnsafeRegister(
                    static source => ((CancellationTokenSource)source!).Cancel(), timeout);
                try
                {
                    var message = RequestMessageFactory.Create(
                        call.Request, _uris.For(call.Request), call.Kind, call.Settings);
                    HttpResponseMessage response;
                    try
                    {
                        response = await _http.SendAsync(
                            message, RedirectFollower.CompletionFor(call.Kind), timeout.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        message.Dispose();
                        throw;
                    }

                    // Redirects are rare: only they take the follower's own await.
                    if (RedirectFollower.Follow(call, message, response) is { } next)
                    {
                        (response, message) = await RedirectFollower.FollowAsync(
                            _http, call, message, response, next, timeout.Token).ConfigureAwait(false);
                    }

                    return Outcome.FromResult(Received(call, response, message, leases, waited));
                }
                catch (OperationCanceledException e)
                    when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    CallActivity.Attempt(
                        call.Activity, call.Attempts, null, nameof(TogetherTimeoutException), waited, null);
                    throw ErrorFactory.AttemptTimeout(call, e);
                }
                catch (HttpRequestException e)
                {
                    CallActivity.Attempt(
                        call.Activity, call.Attempts, null, e.HttpRequestError.ToString(), waited, null);
                    throw;
                }
            }
            catch
            {
                leases.Dispose();
                throw;
            }
        }
        catch (Exception e)
        {
            return Outcome.FromException<AttemptResult>(e);
        }
    }

    /// <summary>
    /// Reads what a response says about the limits, tells the limiters, and wraps the response with its permits.
    /// </summary>
    private AttemptResult Received(
        CallScope call, HttpResponseMessage response, HttpRequestMessage request, LeaseBundle leases, TimeSpan waited)
    {
        try
        {
            var hint = WaitHint.From(response.Headers, _settings.Time.GetUtcNow());
            var figures = RateLimitHeaders.From(response.Headers);
            var status = (int)response.StatusCode;
            CallActivity.Attempt(call.Activity, call.Attempts, status, null, waited, hint);
            if (status is 429 or 503)
            {
                TogetherTelemetry.Throttled.Add(1, Key(), Endpoint(call), new(TogetherTelemetry.StatusTag, status));
            }

            _limiters.Observe(call.Endpoint, call.Request.Limits, status, figures);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Without a hint, one second: Together counts its limits per second.
                var pause = hint ?? TimeSpan.FromSeconds(1);
                Log.HoldingBack(_settings.Logger, call.Endpoint.Name, (long)pause.TotalMilliseconds,
                    hint is null ? "429 without a wait hint" : "429 with a wait hint");
                _limiters.HoldBack(call.Endpoint, call.Request.Limits, pause);
            }
            else if (figures is { RequestsRemaining: 0, Reset: { } reset })
            {
                // The server says this answer used its window's last request: the next would be a 429.
                Log.HoldingBack(_settings.Logger, call.Endpoint.Name, (long)reset.TotalMilliseconds,
                    "no requests remaining until the reset");
                _limiters.HoldBack(call.Endpoint, call.Request.Limits, reset);
            }

            return new AttemptResult(response, request, leases, hint, figures);
        }
        catch
        {
            response.Dispose();
            request.Dispose();
            throw;
        }
    }

    /// <summary>The pipeline of a retry policy, with the policy as it was when the pipeline was built.</summary>
    private Retries RetriesFor(string name, RetryPolicyDefinition policy) =>
        _pipelines.TryGetValue(name, out var retries)
            ? retries
            : _pipelines.GetOrAdd(name, new Retries(policy, RetryPipelineFactory.Create(policy, _settings)));

    private RetryPolicyDefinition PolicyFor(EndpointDescriptor endpoint) =>
        _limits.RetryPolicies.TryGetValue(endpoint.RetryPolicy, out var policy)
            ? policy
            : throw new InvalidOperationException(
                $"{endpoint.Name} uses retry policy '{endpoint.RetryPolicy}', which the limits do not define.");

    private KeyValuePair<string, object?> Key() => TogetherTelemetry.Key(_settings.KeyFingerprint);

    private static KeyValuePair<string, object?> Endpoint(CallScope call) =>
        new(TogetherTelemetry.EndpointTag, call.Endpoint.Name);

    private TogetherApiException Failed(CallScope call, TogetherApiException error)
    {
        CallActivity.Failed(call.Activity, error);
        Log.CallFailed(_settings.Logger, call.Endpoint.Name, error.GetType().Name, error.StatusCode, call.Attempts,
            call.ElapsedMilliseconds);
        return error;
    }

    private sealed record Retries(RetryPolicyDefinition Policy, ResiliencePipeline<AttemptResult> Pipeline)
    {
        /// <summary>False for a policy without retries, whose pipeline is the empty one (decided when built).</summary>
        public bool Retrying { get; } = !ReferenceEquals(Pipeline, ResiliencePipeline<AttemptResult>.Empty);
    }
}
