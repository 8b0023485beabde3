using System;
using System.Diagnostics;

namespace Together.Generated;

/// <summary>
/// The span of one call, named after OpenTelemetry's GenAI conventions where the endpoint is a GenAI operation
/// (<c>chat {model}</c>, <c>embeddings {model}</c>) and after its HTTP ones otherwise (<c>POST /files</c>), with an
/// event per attempt. It carries the model, the endpoint, statuses and the key's fingerprint: no body, no message.
/// </summary>
internal static class CallActivity
{
    public static Activity? Start(CallScope call)
    {
        var source = TogetherTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var endpoint = call.Endpoint;
        var operation = Operation(endpoint.PathTemplate);
        var model = call.Request.Limits?.Model;
        var name = operation is null ? $"{endpoint.Method.Method} {endpoint.PathTemplate}"
            : model is null ? operation
            : $"{operation} {model}";
        var activity = source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("gen_ai.provider.name", "together");
        activity.SetTag("gen_ai.operation.name", operation);
        activity.SetTag(TogetherTelemetry.ModelTag, model);
        activity.SetTag("http.request.method", endpoint.Method.Method);
        activity.SetTag("url.template", endpoint.PathTemplate);
        activity.SetTag("server.address", call.Settings.BaseUrl.Host);
        activity.SetTag("server.port", call.Settings.BaseUrl.Port);
        activity.SetTag(TogetherTelemetry.EndpointTag, endpoint.Name);
        activity.SetTag(TogetherTelemetry.KeyTag, call.Settings.KeyFingerprint);
        return activity;
    }

    /// <summary>Records one attempt: its number, the status or failure, the permit wait and any wait hint.</summary>
    public static void Attempt(
        Activity? activity, int attempt, int? status, string? error, TimeSpan permitWait, TimeSpan? hint)
    {
        if (activity is null)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            ["together.attempt"] = attempt,
            ["together.permit.wait_ms"] = (long)permitWait.TotalMilliseconds,
        };
        if (status is { } code)
        {
            tags[TogetherTelemetry.StatusTag] = code;
        }

        if (error is not null)
        {
            tags["error.type"] = error;
        }

        if (hint is { } wait)
        {
            tags["together.wait_hint_ms"] = (long)wait.TotalMilliseconds;
        }

        activity.AddEvent(new ActivityEvent("together.attempt", tags: tags));
    }

    public static void Succeeded(Activity? activity, int status) =>
        activity?.SetTag(TogetherTelemetry.StatusTag, status);

    /// <summary>Marks the span failed by the error's type; its message may quote input, so it is left out.</summary>
    public static void Failed(Activity? activity, TogetherApiException error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", error.GetType().Name);
        if (error.StatusCode is { } status)
        {
            activity.SetTag(TogetherTelemetry.StatusTag, status);
        }

        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }

    private static string? Operation(string path) => path switch
    {
        "/chat/completions" => "chat",
        "/completions" => "text_completion",
        "/embeddings" => "embeddings",
        _ => null,
    };
}
