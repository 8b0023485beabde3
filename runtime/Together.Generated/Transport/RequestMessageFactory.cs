using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;

namespace Together.Generated;

/// <summary>
/// Builds a fresh <see cref="HttpRequestMessage"/> for each attempt from an <see cref="ApiRequest"/>, so that no
/// attempt sends a body another attempt already consumed.
/// </summary>
internal static class RequestMessageFactory
{
    /// <summary>The User-Agent product: <c>Together.Generated/&lt;assembly version&gt;</c>.</summary>
    public static readonly ProductInfoHeaderValue UserAgent = new("Together.Generated", ReadVersion());

    // The same as wire text, formatted once.
    private static readonly string UserAgentText = UserAgent.ToString();

    /// <summary>
    /// A request message for <paramref name="request"/>, to <paramref name="uri"/> (see <see cref="EndpointUris"/>).
    /// </summary>
    public static HttpRequestMessage Create(ApiRequest request, Uri uri, ResponseKind kind, ClientSettings settings)
    {
        var message = new HttpRequestMessage(request.Endpoint.Method, uri);
        var accept = AcceptFor(kind, request.Streaming);
        if (request.Headers.Count == 0)
        {
            // With no header parameters there is nothing to replace: the values go in as their wire text, which is
            // sent as it is, rather than as header objects formatted again on every send.
            message.Headers.TryAddWithoutValidation("Authorization", settings.BearerAuthorization);
            message.Headers.TryAddWithoutValidation("Accept", accept);
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgentText);
        }
        else
        {
            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            // These replace any header parameter of the same name; the product is added to any User-Agent given.
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            message.Headers.Accept.Clear();
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            message.Headers.UserAgent.Add(UserAgent);
        }

        message.Content = request.Body?.CreateContent();
        return message;
    }

    /// <summary>
    /// The base URL's scheme, host and port, then its path (or the endpoint's server path, which replaces it), then
    /// the already-encoded request path, then the query with names and values percent-encoded.
    /// </summary>
    public static Uri BuildUri(Uri baseUrl, ApiRequest request)
    {
        var builder = new StringBuilder(baseUrl.GetLeftPart(UriPartial.Authority));
        builder.Append((request.Endpoint.ServerPath ?? baseUrl.AbsolutePath).TrimEnd('/'));
        if (!request.Path.StartsWith('/'))
        {
            builder.Append('/');
        }

        builder.Append(request.Path);
        var separator = '?';
        foreach (var parameter in request.Query)
        {
            builder.Append(separator)
                .Append(Uri.EscapeDataString(parameter.Key))
                .Append('=')
                .Append(Uri.EscapeDataString(parameter.Value));
            separator = '&';
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private static string AcceptFor(ResponseKind kind, bool streaming) =>
        streaming || kind == ResponseKind.EventStream
            ? "text/event-stream"
            : kind switch
            {
                ResponseKind.Text => "text/plain",
                ResponseKind.Binary => "*/*",
                _ => "application/json",
            };

    private static string ReadVersion()
    {
        var version = typeof(RequestMessageFactory).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        // The build appends "+<commit>"; the product token keeps the release number only.
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
