using System;
using System.Diagnostics;
using System.Threading;
using Together;
using Together.Generated;
using Together.Quickstart;

// The native-AOT sample: one tour of the generated client's calls against the server TOGETHER_BASE_URL names (the
// emulator in CI), then how long the process took to get its first answer. Exit code 0 when every call succeeded.
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TogetherClientOptions.BaseUrlVariable)) &&
    string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TogetherClientOptions.ApiKeyVariable)))
{
    Console.Error.WriteLine("Set TOGETHER_BASE_URL (e.g. a local emulator's http://127.0.0.1:5080/v1) or "
        + "TOGETHER_API_KEY (the real API).");
    return 2;
}

var model = args.Length > 0 ? args[0] : "meta-llama/Llama-3.3-70B-Instruct-Turbo";
var embeddingModel = args.Length > 1 ? args[1] : "BAAI/bge-base-en-v1.5";
var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
// The key and base URL come from TOGETHER_API_KEY and TOGETHER_BASE_URL; the emulator takes any key.
using var client = new TogetherClient(new TogetherClientOptions
{
    ApiKey = Environment.GetEnvironmentVariable(TogetherClientOptions.ApiKeyVariable) is { Length: > 0 } key
        ? key
        : "aot-sample-placeholder-key",
});

var ready = DateTime.UtcNow - started;
try
{
    var models = await client.Models.ModelsAsync(cancellationToken: cancel.Token);
    var firstAnswer = DateTime.UtcNow - started;
    Console.WriteLine($"Client ready {ready.TotalMilliseconds:F0} ms after the process started, first answer "
        + $"(the model list, {models.Count} models) at {firstAnswer.TotalMilliseconds:F0} ms.");
    await Tour.RunAsync(client, model, embeddingModel, Console.Out, cancel.Token);
    // PublishAot also turns RuntimeFeature.IsDynamicCodeSupported off for a JIT run; a native one compiled nothing.
    var build = System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "native AOT";
    Console.WriteLine($"Done in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms ({build}, "
        + $"working set {Environment.WorkingSet / (1024 * 1024)} MiB).");
    return 0;
}
catch (TogetherApiException e)
{
    Console.Error.WriteLine($"Call failed: {e.Message}");
    return 1;
}
