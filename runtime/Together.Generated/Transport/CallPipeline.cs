using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
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
    private readonly ConcurrentDictionary<string, ResiliencePipeline<AttemptResult>> _pipelines =
        new(StringComparer.Ordinal);

    private readonly HttpClient _http;
    private readonly ClientSettings _settings;
    private readonly LimiterRegistry _limiters;
    private readonly TogetherLimits _limits;

    public CallPipeline(HttpClient http, ClientSettings settings, LimiterRegistry limiters, TogetherLimits limits)
    {
        _http = http;
        _settings = settings;
        _limiters = limiters;
        _limits = limits;
    }

    public CallScope Begin(ApiRequest request, ResponseKind kind, CancellationToken cancellationToken) =>
        new(request, kind, _settings, cancellationToken);

    /// <summary>Returns a 2xx attempt, which the caller must dispose, or throws a typed exception.</summary>
    public async Task<AttemptResult> SendAsync(CallScope call)
    {
        var endpoint = call.Endpoint;
        Log.CallStarting(_settings.Logger, endpoint.Name, endpoint.Method.Method, endpoint.PathTemplate);
        var policy = PolicyFor(endpoint);
        var pipeline = _pipelines.GetOrAdd(endpoint.RetryPolicy, _ => RetryPipelineFactory.Create(policy, _settings));
        var context = ResilienceContextPool.Shared.Get(call.Token);
        context.Properties.Set(RetryPipelineFactory.CallKey, call);
        using var activity = call.Activity = CallActivity.Start(call);
        try
        {
            var attempt = await pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(ctx, state.Call), context, (Self: this, Call: call))
                .ConfigureAwait(false);
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
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<AttemptResult> AttemptAsync(ResilienceContext context, CallScope call)
    {
        // A prompt's tokens are estimated from its JSON size (about four bytes a token); usage settles the rest.
        var promptTokens = (int)Math.Min((call.Request.Body?.Length ?? 0) / 4, int.MaxValue);
        var waitStarted = _settings.Time.GetTimestamp();
        LeaseBundle leases;
        try
        {
            leases = await _limiters.AcquireAsync(call.Endpoint, call.Request.Limits, context.CancellationToken,
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
            using var callCancels = context.CancellationToken.UnsafeRegister(
                static source => ((CancellationTokenSource)source!).Cancel(), timeout);
            try
            {
                var (response, request) = await RedirectFollower.SendAsync(_http, call, timeout.Token)
                    .ConfigureAwait(false);
                var hint = WaitHint.From(response.Headers, _settings.Time.GetUtcNow());
                var figures = RateLimitHeaders.From(response.Headers);
                var status = (int)response.StatusCode;
                CallActivity.Attempt(call.Activity, call.Attempts, status, null, waited, hint);
                if (status is 429 or 503)
                {
                    TogetherTelemetry.Throttled.Add(1, Key(), Endpoint(call), new(TogetherTelemetry.StatusTag, status));
                }

                _limiters.Observe(call.Endpoint, call.Request.Limits, (int)response.StatusCode, figures);
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
            catch (OperationCanceledException e)
                when (timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
            {
                CallActivity.Attempt(
                    call.Activity, call.Attempts, null, nameof(TogetherTimeoutException), waited, null);
                throw ErrorFactory.AttemptTimeout(call, e);
            }
            catch (HttpRequestException e)
            {
                CallActivity.Attempt(call.Activity, call.Attempts, null, e.HttpRequestError.ToString(), waited, null);
                throw;
            }
        }
        catch
        {
            leases.Dispose();
            throw;
        }
    }

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
}
