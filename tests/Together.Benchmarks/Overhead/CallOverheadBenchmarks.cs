using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Together.Generated;
using Together.Models;
using Together.Quickstart;

namespace Together.Benchmarks;

/// <summary>
/// One chat call against the loopback server: the generated client (its key and chat limiters on, with budgets
/// far above what the benchmark reaches, and its retry pipeline) against the same request written by hand.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    private const string Model = QuickstartRun.DefaultModel;
    private LoopbackServer _server = null!;
    private TogetherClient _client = null!;
    private TogetherClient _plainClient = null!;
    private HttpClient _http = null!;
    private ChatCompletionRequest _generatedRequest = null!;
    private HandWrittenChat.ChatRequest _handRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.StartAsync().GetAwaiter().GetResult();
        _client = new TogetherClient(Options());

        // The same handler as the hand-written call's (only redirects off, which the client needs): the default one
        // also asks for compressed answers, which costs a little on every small call.
        _plainClient = new TogetherClient(
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), Options());
        _http = new HttpClient { BaseAddress = _server.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "benchmark-key");
        var settings = new LoadSettings(1, 1, Model, 8);
        _generatedRequest = LoadRunner.Prompt(settings, 1);
        _handRequest = new HandWrittenChat.ChatRequest(
            Model, [new HandWrittenChat.Message("user", "Load call #1: answer in one short sentence.")], 8);
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + System.Text.Json")]
    public Task<string?> HandWritten() => HandWrittenChat.AskAsync(_http, _handRequest);

    [Benchmark(Description = "generated client, same handler (limiters, retry pipeline)")]
    public async Task<string?> Generated()
    {
        var answer = await _plainClient.Chat.ChatCompletionsAsync(_generatedRequest);
        return answer.Choices[0].Message?.Content;
    }

    [Benchmark(Description = "generated client, its default handler (decompression on)")]
    public async Task<string?> GeneratedDefaultHandler()
    {
        var answer = await _client.Chat.ChatCompletionsAsync(_generatedRequest);
        return answer.Choices[0].Message?.Content;
    }

    private TogetherClientOptions Options() => new()
    {
        ApiKey = "benchmark-key",
        BaseUrl = _server.BaseUrl,
        ConfigureLimits = limits =>
        {
            Budget.Override(limits, TogetherEndpoints.ChatCompletions, int.MaxValue / 2);
            foreach (var definition in limits.Limiters.Values)
            {
                definition.QueueLimit = 100_000;
            }
        },
    };

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _plainClient.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
