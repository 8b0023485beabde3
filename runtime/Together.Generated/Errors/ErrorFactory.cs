using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace Together.Generated;

/// <summary>
/// Turns failures into the typed exceptions callers catch. Every message names the endpoint and, when the server
/// gave one, its message; every text taken from the server is redacted of the API key first.
/// </summary>
internal static class ErrorFactory
{
    private const int MaxRawBody = 4096;

    public static TogetherApiException FromResponse(
        CallScope call, AttemptResult attempt, string? body, RetryPolicyDefinition policy)
    {
        var settings = call.Settings;
        var response = attempt.Response;
        var status = attempt.StatusCode;
        // Redacted before parsing: the parser cuts long text messages, which could leave part of the key behind.
        body = settings.Redact(body);
        var details = ErrorBodyParser.Parse(body);
        var serverMessage = settings.Redact(details.Message);
        var requestId = settings.Redact(RequestIdOf(response));

        var message = new StringBuilder()
            .Append(call.Endpoint.Name).Append(": HTTP ").Append(status.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(settings.Redact(response.ReasonPhrase) ?? string.Empty).Append(": ")
            .Append(serverMessage ?? "the response carried no error message.");
        AppendDetails(message, settings.Redact(details.Type), settings.Redact(details.Code), requestId);
        if (attempt.WaitHint is { } hint && hint > policy.MaxWait)
        {
            message.Append(" The server asked to wait ").Append(Seconds(hint))
                .Append(", longer than retry policy '").Append(policy.Name).Append("' allows (")
                .Append(Seconds(policy.MaxWait)).Append(").");
        }
        else if (call.RefusedWait is { } refused)
        {
            message.Append(attempt.WaitHint is null ? " The next retry would wait " : " The server asked to wait ")
                .Append(Seconds(refused.Wait)).Append(", more than the ").Append(Seconds(refused.Left))
                .Append(" left of the call's TotalTimeout.");
        }

        var model = call.Request.Limits?.Model;
        var missingModel = status == 404 && model is not null && IsAboutModel(details, model) ? model : null;
        if (missingModel is not null)
        {
            message.Append(" The model '").Append(missingModel).Append("' is not available to this key: list the ")
                .Append("models it can use with the models operation (client.Models.ModelsAsync()).");
        }

        var error = Create(status, message.ToString(), missingModel);
        error.Endpoint = call.Endpoint.Name;
        error.StatusCode = status;
        error.ErrorMessage = serverMessage;
        error.ErrorType = settings.Redact(details.Type);
        error.ErrorCode = settings.Redact(details.Code);
        error.ErrorParam = settings.Redact(details.Param);
        error.RequestId = requestId;
        error.RetryAfter = attempt.WaitHint;
        error.RawBody = Truncate(settings.Redact(body));
        error.Attempts = call.Attempts;
        return error;
    }

    public static StreamInterruptedException StreamError(
        string endpoint, ErrorDetails details, int chunks, ClientSettings settings, string? requestId)
    {
        var serverMessage = settings.Redact(details.Message);
        var message = new StringBuilder()
            .Append(endpoint).Append(": the stream reported an error after ")
            .Append(chunks.ToString(CultureInfo.InvariantCulture)).Append(" chunk(s): ")
            .Append(serverMessage ?? "no message.");
        AppendDetails(message, settings.Redact(details.Type), settings.Redact(details.Code), requestId);
        return new StreamInterruptedException(message.ToString())
        {
            Endpoint = endpoint,
            ChunksReceived = chunks,
            ErrorMessage = serverMessage,
            ErrorType = settings.Redact(details.Type),
            ErrorCode = settings.Redact(details.Code),
            ErrorParam = settings.Redact(details.Param),
            RequestId = requestId,
            StatusCode = int.TryParse(details.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is >= 400 and < 600 ? code : null,
            Attempts = 1,
        };
    }

    public static StreamInterruptedException StreamBroken(
        string endpoint, int chunks, string? requestId, Exception e) =>
        new($"{endpoint}: the stream broke off after {chunks} chunk(s): {e.Message}", e)
        {
            Endpoint = endpoint,
            ChunksReceived = chunks,
            RequestId = requestId,
            Attempts = 1,
        };

    public static TogetherTimeoutException StreamIdle(string endpoint, TimeSpan limit, Exception inner) =>
        new($"{endpoint}: the stream sent nothing for {Seconds(limit)} (AttemptTimeout).", inner)
        {
            Endpoint = endpoint,
            Timeout = limit,
        };

    public static TogetherTimeoutException AttemptTimeout(CallScope call, Exception inner) =>
        new($"{call.Endpoint.Name}: attempt {call.Attempts} got no response within "
            + $"{Seconds(call.Settings.AttemptTimeout)} (AttemptTimeout).", inner)
        {
            Endpoint = call.Endpoint.Name,
            Timeout = call.Settings.AttemptTimeout,
            Attempts = call.Attempts,
        };

    public static TogetherTimeoutException TotalTimeout(CallScope call, Exception inner) =>
        new($"{call.Endpoint.Name}: the call did not complete within "
            + $"{Seconds(call.Settings.TotalTimeout)} (TotalTimeout) after {call.Attempts} attempt(s).",
            inner)
        {
            Endpoint = call.Endpoint.Name,
            Timeout = call.Settings.TotalTimeout,
            IsTotalTimeout = true,
            Attempts = call.Attempts,
        };

    public static TogetherConnectionException Connection(CallScope call, HttpRequestException inner) =>
        new($"{call.Endpoint.Name}: no response after {call.Attempts} attempt(s): {inner.Message}", inner)
        {
            Endpoint = call.Endpoint.Name,
            Attempts = call.Attempts,
        };

    public static TogetherApiException InvalidBody(CallScope call, HttpResponseMessage response, Exception? inner) =>
        new($"{call.Endpoint.Name}: HTTP {(int)response.StatusCode} carried a body that is not the expected JSON.",
            inner)
        {
            Endpoint = call.Endpoint.Name,
            StatusCode = (int)response.StatusCode,
            RequestId = RequestIdOf(response),
            Attempts = call.Attempts,
        };

    /// <summary>
    /// The error for a call that was still waiting for a permit when another call with the same key was refused with
    /// 401 or 402: the same type and server details, a message that says the call was never sent.
    /// </summary>
    public static TogetherApiException RefusedBehind(TogetherApiException refused, string endpoint, Exception inner)
    {
        var message = $"{endpoint}: not sent, because an earlier call with the same API key was refused: "
            + refused.Message;
        TogetherApiException error = refused switch
        {
            AuthenticationException => new AuthenticationException(message, inner),
            PaymentRequiredException => new PaymentRequiredException(message, inner),
            _ => new TogetherApiException(message, inner),
        };
        error.Endpoint = endpoint;
        error.StatusCode = refused.StatusCode;
        error.ErrorMessage = refused.ErrorMessage;
        error.ErrorType = refused.ErrorType;
        error.ErrorCode = refused.ErrorCode;
        error.ErrorParam = refused.ErrorParam;
        error.RequestId = refused.RequestId;
        error.RawBody = refused.RawBody;
        error.Attempts = 0;
        return error;
    }

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

    // A 404 is about the model when the server says so (Together: code model_not_available, param model, or a
    // message saying "model <id>"); a 404 for an unknown path, file or job stays a plain NotFoundException, even
    // when its message happens to mention the model.
    private static bool IsAboutModel(ErrorDetails details, string model) =>
        model.Length > 0
        && (details.Code?.Contains("model", StringComparison.OrdinalIgnoreCase) == true
            || details.Param == "model"
            || (details.Message is { } message
                && (message.Contains("model " + model, StringComparison.OrdinalIgnoreCase)
                    || message.Contains("model '" + model + "'", StringComparison.OrdinalIgnoreCase)
                    || message.Contains("model \"" + model + "\"", StringComparison.OrdinalIgnoreCase))));

    private static TogetherApiException Create(int status, string message, string? model) =>
        status switch
        {
            401 => new AuthenticationException(message),
            402 => new PaymentRequiredException(message),
            403 => new PermissionDeniedException(message),
            404 when model is not null => new ModelNotFoundException(message) { Model = model },
            404 => new NotFoundException(message),
            429 => new RateLimitedException(message),
            >= 500 => new ServerException(message),
            _ => new TogetherApiException(message),
        };

    private static void AppendDetails(StringBuilder message, string? type, string? code, string? requestId)
    {
        if (type is not null || code is not null)
        {
            message.Append(" (type: ").Append(type ?? "-").Append(", code: ").Append(code ?? "-").Append(')');
        }

        if (requestId is not null)
        {
            message.Append(" Request id: ").Append(requestId).Append('.');
        }
    }

    private static string Seconds(TimeSpan value) =>
        value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string? Truncate(string? body) =>
        body is null || body.Length <= MaxRawBody ? body : body.Substring(0, MaxRawBody);
}
