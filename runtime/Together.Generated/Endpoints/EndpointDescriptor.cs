using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Together.Generated;

/// <summary>
/// The static description of one API operation, emitted by the generator so that the runtime
/// executes a call without reflection: what it is, and which limiters and retry policy it runs under.
/// </summary>
public sealed class EndpointDescriptor
{
    /// <summary>Creates a description. Generated code calls this once per operation.</summary>
    /// <param name="name">The generated method's name without the <c>Async</c> suffix.</param>
    /// <param name="method">The HTTP method as the spec writes it, e.g. <c>POST</c>.</param>
    /// <param name="pathTemplate">The path template exactly as the spec writes it.</param>
    /// <param name="limiters">The limiter names the limits file assigns, acquired in this order.</param>
    /// <param name="retryPolicy">The retry policy name the limits file assigns.</param>
    /// <param name="idempotent">
    /// Whether a POST may be replayed after a timeout or a cut connection (limits file; default false).
    /// </param>
    /// <param name="serverPath">
    /// A per-operation server path that replaces the base URL's path (e.g. <c>/v2</c>), or null.
    /// </param>
    /// <param name="fallbackModels">Models to try in order when the policy's retries on 503 run out.</param>
    public EndpointDescriptor(
        string name,
        string method,
        string pathTemplate,
        IReadOnlyList<string> limiters,
        string retryPolicy,
        bool idempotent = false,
        string? serverPath = null,
        IReadOnlyList<string>? fallbackModels = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Method = new HttpMethod(method ?? throw new ArgumentNullException(nameof(method)));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        Limiters = limiters ?? Array.Empty<string>();
        RetryPolicy = retryPolicy ?? throw new ArgumentNullException(nameof(retryPolicy));
        Idempotent = idempotent;
        ServerPath = serverPath;
        FallbackModels = fallbackModels ?? Array.Empty<string>();
    }

    /// <summary>The operation's name, e.g. <c>CreateChatCompletion</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template as the spec writes it, e.g. <c>/files/{id}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>Limiter names acquired for each call, in order.</summary>
    public IReadOnlyList<string> Limiters { get; }

    /// <summary>The retry policy's name.</summary>
    public string RetryPolicy { get; }

    /// <summary>Whether a POST may be replayed when the server may already have processed it.</summary>
    public bool Idempotent { get; }

    /// <summary>
    /// A path replacing the base URL's path for this operation (from a per-operation server), or null.
    /// </summary>
    public string? ServerPath { get; }

    /// <summary>Fallback models, in order; empty when none.</summary>
    public IReadOnlyList<string> FallbackModels { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Method} {PathTemplate})";
}
