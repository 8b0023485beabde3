using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Sends each request through the handler <see cref="IHttpMessageHandlerFactory"/> currently pools for one named
/// client. The Together client lives as long as the application (its limiters must be one per key), so it keeps
/// one <see cref="HttpClient"/> over this handler and still gets the factory's handler rotation, DNS refresh and
/// configured delegating handlers on every request.
/// </summary>
internal sealed class PooledHandler(IHttpMessageHandlerFactory factory, string name) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
    {
        // The factory owns its handlers' lifetime: the invoker must not dispose them.
        var invoker = new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false);
        return invoker.SendAsync(request, token);
    }
}
