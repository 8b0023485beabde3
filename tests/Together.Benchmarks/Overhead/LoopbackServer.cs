using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Together.Benchmarks;

/// <summary>
/// A Kestrel server on a free loopback port that reads each chat request's body and answers one canned chat
/// completion: the least a server can do, so that the client's own cost is what the overhead benchmark sees.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string Answer =
        """
        {"id":"chatcmpl-bench","object":"chat.completion","created":1733300000,
        "model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","choices":[{"index":0,"finish_reason":"stop",
        "message":{"role":"assistant","content":"A short answer from the loopback server."}}],
        "usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21}}
        """;

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root, ending in <c>/v1/</c>.</summary>
    public Uri BaseUrl { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var answer = Encoding.UTF8.GetBytes(Answer.ReplaceLineEndings(string.Empty));
        app.MapPost("/v1/chat/completions", async context =>
        {
            // Drain the body, as any server must, then answer.
            await context.Request.Body.CopyToAsync(System.IO.Stream.Null);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer);
        });
        await app.StartAsync();
        var address = app.Urls is { Count: > 0 } urls ? urls.GetEnumerator() : null;
        address!.MoveNext();
        return new LoopbackServer(app, new Uri(address.Current.TrimEnd('/') + "/v1/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
