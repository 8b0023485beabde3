using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;

namespace Together.Generated;

/// <summary>
/// One call as generated code describes it: the endpoint, the expanded path, query, headers and body.
/// The runtime turns it into a fresh <see cref="System.Net.Http.HttpRequestMessage"/> for every attempt.
/// </summary>
public sealed class ApiRequest
{
    // Created with their first entry: most calls have neither query nor header parameters.
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request for <paramref name="endpoint"/> at <paramref name="path"/>.</summary>
    /// <param name="endpoint">The operation's static description.</param>
    /// <param name="path">The path with its parameters already percent-encoded, e.g. <c>/files/file%2F1</c>.</param>
    public ApiRequest(EndpointDescriptor endpoint, string path)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The operation.</summary>
    public EndpointDescriptor Endpoint { get; }

    /// <summary>The expanded, encoded path relative to the base URL.</summary>
    public string Path { get; }

    /// <summary>Query parameters in the order added; values are in wire form, not yet encoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        _query ?? (IReadOnlyList<KeyValuePair<string, string>>)Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Extra headers from header parameters.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        _headers ?? (IReadOnlyList<KeyValuePair<string, string>>)Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The request body, or null when the call has none.</summary>
    public RequestBody? Body { get; private set; }

    /// <summary>What the body tells the limiters (model, token estimate, streaming); null when nothing.</summary>
    public ILimitedRequest? Limits { get; private set; }

    /// <summary>Whether the caller asked for a streamed (<c>text/event-stream</c>) response.</summary>
    public bool Streaming { get; set; }

    /// <summary>Whether this is a fallback model's copy of the caller's request.</summary>
    internal bool IsFallback { get; private set; }

    /// <summary>
    /// A copy of this request for <paramref name="model"/>: the body's <c>model</c> replaced, and the limiters told
    /// the new model, so it draws on that model's budget. Null when the body cannot carry a model.
    /// </summary>
    internal ApiRequest? ForModel(string model)
    {
        if (Body?.WithModel(model) is not { } body || Limits is null)
        {
            return null;
        }

        var copy = new ApiRequest(Endpoint, Path)
        {
            Body = body,
            Limits = new FallbackLimits(Limits, model),
            Streaming = Streaming,
            IsFallback = true,
        };
        copy._query = _query is null ? null : new(_query);
        copy._headers = _headers is null ? null : new(_headers);
        return copy;
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public ApiRequest AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds a header parameter; a null value adds nothing.</summary>
    public ApiRequest AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Sets a JSON body serialized with <paramref name="typeInfo"/>.</summary>
    public ApiRequest WithJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        Body = RequestBody.Json(body, typeInfo);
        Limits = body as ILimitedRequest;
        return this;
    }

    /// <summary>Sets a multipart/form-data body.</summary>
    public ApiRequest WithMultipartBody(MultipartBody body)
    {
        Body = body ?? throw new ArgumentNullException(nameof(body));
        return this;
    }

    private sealed class FallbackLimits(ILimitedRequest original, string model) : ILimitedRequest
    {
        public string? Model => model;

        public int? MaxTokens => original.MaxTokens;

        public int? Choices => original.Choices;

        public bool Streams => original.Streams;
    }
}
