using System;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Together.Emulator;

/// <summary>
/// The front door every <c>/v1</c> endpoint goes through, in Together's order: key (401), body (400), model (404,
/// when only known models are served), per-key rate and token limits (429), capacity (503), then injected faults,
/// the configured latency, and the handler. It records every step in the stats.
/// </summary>
internal sealed class Gate(EmulatorState state)
{
    /// <summary>Runs a handler whose request is a JSON body.</summary>
    public Task JsonAsync<T>(
        HttpContext context, JsonTypeInfo<T> type, Func<T, CallShape> shape, Func<HttpContext, T, Call, Task> respond)
        where T : class =>
        RunAsync(context, async c =>
        {
            var (value, problem) = await JsonWire.ReadAsync(c, type);
            return value is null ? (null, CallShape.Invalid(problem!)) : (value, shape(value));
        }, respond);

    /// <summary>Runs a handler that reads nothing from the body.</summary>
    public Task PlainAsync(HttpContext context, Func<HttpContext, Call, Task> respond) =>
        RunAsync<object>(
            context, _ => Task.FromResult<(object?, CallShape)>((CallShape.None, CallShape.None)),
            (c, _, call) => respond(c, call));

    /// <summary>Runs a handler whose request <paramref name="read"/> parses (null value: invalid).</summary>
    public async Task RunAsync<T>(
        HttpContext context, Func<HttpContext, Task<(T? Value, CallShape Shape)>> read,
        Func<HttpContext, T, Call, Task> respond)
        where T : class
    {
        var endpoint = EndpointPath(context);
        var statsKey = $"{context.Request.Method} {endpoint}";
        var errorShape = ErrorWriter.ShapeFor(endpoint);
        var recorded = false;
        string? model = null;
        try
        {
            var key = ApiKey.From(context.Request);
            if (key is null || !ApiKey.IsAccepted(key, state.Current))
            {
                await ErrorWriter.WriteAsync(context, 401, errorShape, code: "invalid_api_key");
                return;
            }

            var (value, shape) = await read(context);
            model = shape.Model;
            state.Record(statsKey, model);
            recorded = true;
            if (value is null || shape.Problem is not null)
            {
                await ErrorWriter.WriteAsync(
                    context, 400, errorShape, shape.Problem, ErrorWriter.InvalidRequest, param: shape.Param);
                return;
            }

            if (model is not null && state.Current.KnownModelsOnly && !ModelsEndpoint.IsKnown(model))
            {
                await ErrorWriter.WriteAsync(
                    context, 404, errorShape,
                    $"Unable to access model {model}. Please visit https://api.together.ai/models to view the list "
                    + "of supported models.",
                    ErrorWriter.InvalidRequest, "model_not_available");
                return;
            }

            var scope = model ?? endpoint;
            var admission = state.Admit(key, scope, shape.Tokens);
            RateLimitHeaders.Apply(context.Response, admission, state.Current.SendRateLimitHeaders);
            if (!admission.IsAccepted)
            {
                await RefuseAsync(context, admission, errorShape, scope);
                return;
            }

            try
            {
                await AnswerAsync(context, value, shape, admission, endpoint, respond);
            }
            finally
            {
                state.Release();
            }
        }
        catch (Exception) when (Connection.WasAborted(context))
        {
            // The connection is gone (cut by a fault or by the client): there is no one left to answer.
        }
        finally
        {
            if (!recorded)
            {
                state.Record(statsKey, model);
            }

            state.RecordResponse(Connection.WasAborted(context) ? null : context.Response.StatusCode);
        }
    }

    private async Task AnswerAsync<T>(
        HttpContext context, T value, CallShape shape, Admission admission, string endpoint,
        Func<HttpContext, T, Call, Task> respond)
    {
        var path = context.Request.Path.Value is { } raw && raw.StartsWith("/v1", StringComparison.Ordinal)
            ? raw[3..]
            : context.Request.Path.Value ?? endpoint;
        var fault = state.PickFault(endpoint, path, shape.Model, shape.Stream);
        if (fault is not null && await FaultActions.ApplyAsync(context, state, fault))
        {
            return;
        }

        // Counted from admission, so that time a fault already waited is part of the latency, not added to it.
        var latency = state.Current.Latency - state.Time.GetElapsedTime(admission.At);
        await state.SleepAsync(latency, context.RequestAborted);
        await respond(context, value, new Call(state, fault is { IsStreamFault: true } ? fault : null));
    }

    private static Task RefuseAsync(HttpContext context, Admission admission, ErrorBodyShape shape, string scope)
    {
        var wait = RateLimitHeaders.Seconds(admission.RetrySeconds);
        return admission.Outcome switch
        {
            AdmissionOutcome.RequestLimited => ErrorWriter.WriteAsync(
                context, 429, shape,
                $"Rate limit exceeded: {admission.RequestLimit} requests per second for {scope}. "
                + $"Retry in {wait} s.",
                "dynamic_request_limited"),
            AdmissionOutcome.TokenLimited => ErrorWriter.WriteAsync(
                context, 429, shape,
                $"Token rate limit exceeded: {admission.TokenLimit} tokens per second for {scope}. "
                + $"Retry in {wait} s.",
                "dynamic_token_limited"),
            _ => ErrorWriter.WriteAsync(context, 503, shape, type: ErrorWriter.ServerError),
        };
    }

    /// <summary>The route as the spec writes it, without <c>/v1</c>: <c>/files/{id}</c> rather than the id.</summary>
    private static string EndpointPath(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        pattern ??= "/";
        return pattern.StartsWith("/v1/", StringComparison.Ordinal) ? pattern[3..] : pattern;
    }
}
