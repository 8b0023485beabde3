namespace Together.Emulator;

/// <summary>The error body shapes Together's endpoints (and the proxies in front of them) answer with.</summary>
public enum ErrorBodyShape
{
    /// <summary><c>{"error":{"message","type","param","code"}}</c>, used by most endpoints.</summary>
    Nested,

    /// <summary><c>{"error":"text"}</c>, used by <c>/batches*</c>.</summary>
    ErrorString,

    /// <summary>Flat <c>{"code","message","param","type"}</c>, used by <c>/queue/*</c>.</summary>
    Flat,

    /// <summary>
    /// <c>{"code":&lt;int&gt;,"message"}</c>, used by <c>/deployments*</c>; the code is the HTTP status.
    /// </summary>
    NumericCode,

    /// <summary>The message as <c>text/plain</c>.</summary>
    PlainText,

    /// <summary>An nginx-style HTML error page, as a proxy sends it.</summary>
    Html,

    /// <summary>No body at all.</summary>
    Empty,
}
