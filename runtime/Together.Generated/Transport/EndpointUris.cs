using System;
using System.Collections.Concurrent;

namespace Together.Generated;

/// <summary>
/// One client's request URIs for the endpoints whose path has no parameters, each built (and parsed) once instead of
/// on every attempt: such an endpoint's URI depends only on the client's base URL, which a client never changes, and
/// its server path. Calls with parameters in the path or a query are built each time.
/// </summary>
internal sealed class EndpointUris
{
    // Generated clients have about a hundred endpoints; descriptors made at run time must not grow this for ever.
    private const int MaxEndpoints = 1024;

    private readonly ConcurrentDictionary<EndpointDescriptor, Uri> _uris = new();
    private readonly Uri _baseUrl;

    public EndpointUris(Uri baseUrl) => _baseUrl = baseUrl;

    /// <summary>The absolute URI <paramref name="request"/> goes to.</summary>
    public Uri For(ApiRequest request)
    {
        var endpoint = request.Endpoint;
        if (request.Query.Count > 0 || !string.Equals(request.Path, endpoint.PathTemplate, StringComparison.Ordinal))
        {
            return RequestMessageFactory.BuildUri(_baseUrl, request);
        }

        if (_uris.TryGetValue(endpoint, out var uri))
        {
            return uri;
        }

        uri = RequestMessageFactory.BuildUri(_baseUrl, request);
        if (_uris.Count < MaxEndpoints)
        {
            _uris.TryAdd(endpoint, uri);
        }

        return uri;
    }
}
