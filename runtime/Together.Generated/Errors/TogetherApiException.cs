using System;

namespace Together.Generated;

/// <summary>
/// The base of every error the Together client raises: an error status from the server, an error event inside a
/// stream, a timeout, a cut connection or a local limiter refusing the call. The API key never appears in its
/// message, properties or <see cref="Exception.ToString"/>: server messages are redacted before they are stored.
/// </summary>
public class TogetherApiException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public TogetherApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TogetherApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The operation's name, e.g. <c>CreateChatCompletion</c>; null when unknown.</summary>
    public string? Endpoint { get; internal set; }

    /// <summary>The final attempt's HTTP status; null when no response arrived (timeouts, connection errors).</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The server's error message, redacted; null when the body had none.</summary>
    public string? ErrorMessage { get; internal set; }

    /// <summary>The server's error type, e.g. <c>invalid_request_error</c>; null when absent.</summary>
    public string? ErrorType { get; internal set; }

    /// <summary>The server's error code as text (numbers in invariant culture); null when absent.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The request parameter the server blames; null when absent.</summary>
    public string? ErrorParam { get; internal set; }

    /// <summary>The server's <c>x-request-id</c> header, for support requests; null when absent.</summary>
    public string? RequestId { get; internal set; }

    /// <summary>The wait the server asked for (or the local limiter estimated), when it gave one.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>The start of the response body (at most 4,096 characters), redacted; null when empty.</summary>
    public string? RawBody { get; internal set; }

    /// <summary>How many HTTP attempts the call made before failing; 0 when none was sent.</summary>
    public int Attempts { get; internal set; }
}
