using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Sends one attempt and follows up to <see cref="MaxRedirects"/> redirects itself (the client's own handler has
/// automatic redirects off), so that the bearer token never follows a redirect to another origin, a redirect never
/// downgrades to plain http, and a 307/308 re-sends a freshly built body.
/// </summary>
internal static class RedirectFollower
{
    public const int MaxRedirects = 5;

    /// <summary>How much of the response an attempt waits for: the headers for a stream, else the whole body.</summary>
    public static HttpCompletionOption CompletionFor(ResponseKind kind) =>
        kind is ResponseKind.Binary or ResponseKind.EventStream
            ? HttpCompletionOption.ResponseHeadersRead
            : HttpCompletionOption.ResponseContentRead;

    /// <summary>
    /// Follows <paramref name="next"/>, the redirect that <paramref name="response"/> to <paramref name="sent"/>
    /// asked for (both are disposed), and those after it, up to <see cref="MaxRedirects"/> in all. Returns the final
    /// response and the request message that produced it (disposed with it).
    /// </summary>
    public static async Task<(HttpResponseMessage Response, HttpRequestMessage Request)> FollowAsync(
        HttpClient http,
        CallScope call,
        HttpRequestMessage sent,
        HttpResponseMessage response,
        HttpRequestMessage next,
        CancellationToken cancellationToken)
    {
        response.Dispose();
        sent.Dispose();
        var message = next;
        var completion = CompletionFor(call.Kind);
        for (var hop = 1; ; hop++)
        {
            try
            {
                response = await http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                message.Dispose();
                throw;
            }

            var following = hop < MaxRedirects ? Follow(call, message, response) : null;
            if (following is null)
            {
                return (response, message);
            }

            response.Dispose();
            message.Dispose();
            message = following;
        }
    }

    /// <summary>
    /// The request for the redirect that <paramref name="response"/> asks for, or null when it is final: not a
    /// redirect, no location, or a target the API key may not go to.
    /// </summary>
    public static HttpRequestMessage? Follow(CallScope call, HttpRequestMessage sent, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            || response.Headers.Location is not { } location
            || sent.RequestUri is null)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(sent.RequestUri, location);
        if (!call.Settings.IsAllowed(target))
        {
            // Surfaced as an error status rather than sending the key (or the body) in clear text.
            return null;
        }

        // Browsers and HttpClient turn a redirected POST into a GET for 301/302; 303 always means GET.
        var keepsMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || (sent.Method != HttpMethod.Post && status != HttpStatusCode.SeeOther);
        var next = new HttpRequestMessage(keepsMethod ? sent.Method : HttpMethod.Get, target);
        var sameOrigin = Uri.Compare(sent.RequestUri, target, UriComponents.SchemeAndServer, UriFormat.Unescaped,
            StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var header in sent.Headers)
        {
            if (sameOrigin || !string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (keepsMethod)
        {
            next.Content = call.Request.Body?.CreateContent();
        }

        return next;
    }
}
