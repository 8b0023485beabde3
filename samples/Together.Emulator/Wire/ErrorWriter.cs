using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>Writes error responses in each of the shapes Together and the proxies in front of it use.</summary>
internal static class ErrorWriter
{
    public const string InvalidRequest = "invalid_request_error";
    public const string ServerError = "server_error";

    /// <summary>The shape the spec gives an endpoint's own errors: a plain string on <c>/batches*</c>.</summary>
    public static ErrorBodyShape ShapeFor(string endpoint) =>
        endpoint.StartsWith("/batches", StringComparison.Ordinal) ? ErrorBodyShape.ErrorString : ErrorBodyShape.Nested;

    public static Task WriteAsync(
        HttpContext context, int status, ErrorBodyShape shape, string? message = null, string? type = null,
        string? code = null, string? param = null)
    {
        message ??= DefaultMessage(status);
        type ??= DefaultType(status);
        context.Response.StatusCode = status;
        switch (shape)
        {
            case ErrorBodyShape.Empty:
                return Task.CompletedTask;
            case ErrorBodyShape.PlainText:
                return WriteTextAsync(context, "text/plain; charset=utf-8", message);
            case ErrorBodyShape.Html:
                return WriteTextAsync(context, "text/html; charset=utf-8", Html(status, message));
            default:
                context.Response.ContentType = JsonWire.JsonType;
                return context.Response.Body.WriteAsync(Json(shape, status, message, type, code, param)).AsTask();
        }
    }

    public static string DefaultType(int status) => status switch
    {
        429 => "dynamic_request_limited",
        402 => "credit_limit",
        >= 500 => ServerError,
        _ => InvalidRequest,
    };

    public static string DefaultMessage(int status) => status switch
    {
        400 => "The request was malformed or used invalid parameters.",
        401 => "Invalid API key provided. You can find your API key at https://api.together.ai/settings/api-keys.",
        402 => "Credit limit exceeded. Please add credits to your account.",
        403 => "The prompt and max_tokens exceed the model's context length.",
        404 => "The requested resource does not exist.",
        429 => "You have been rate limited. Please slow down your requests.",
        500 => "The server had an error while processing your request.",
        502 => "Bad gateway.",
        503 => "The server is overloaded or not ready yet.",
        504 => "The server did not answer in time.",
        _ => $"The request failed with status {status}.",
    };

    private static ReadOnlyMemory<byte> Json(
        ErrorBodyShape shape, int status, string message, string type, string? code, string? param)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (shape)
            {
                case ErrorBodyShape.ErrorString:
                    json.WriteString("error", message);
                    break;
                case ErrorBodyShape.Flat:
                    Fields(json, message, type, code, param, codeFirst: true);
                    break;
                case ErrorBodyShape.NumericCode:
                    json.WriteNumber("code", status);
                    json.WriteString("message", message);
                    break;
                default:
                    json.WriteStartObject("error");
                    Fields(json, message, type, code, param, codeFirst: false);
                    json.WriteEndObject();
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void Fields(Utf8JsonWriter json, string message, string type, string? code, string? param,
        bool codeFirst)
    {
        if (codeFirst)
        {
            NullableString(json, "code", code);
        }

        json.WriteString("message", message);
        if (!codeFirst)
        {
            json.WriteString("type", type);
        }

        NullableString(json, "param", param);
        if (codeFirst)
        {
            json.WriteString("type", type);
        }
        else
        {
            NullableString(json, "code", code);
        }
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Html(int status, string message)
    {
        var title = $"{status} {System.Net.WebUtility.HtmlEncode(message)}";
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private static Task WriteTextAsync(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();
    }
}
