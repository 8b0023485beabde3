using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using Together.Generated;
using Together.Generated.Redis;

// Usage: Worker <redis host:port> <key prefix> <base URL> <requests a minute> <seconds> <from> <until>
// Calls the server with 8 loops until the deadline, every call under the shared budget, and prints one line:
// "succeeded N failed M measured K": K counts the calls answered between <from> and <until> (UTC ticks), a window
// the test sets after start-up, when every process is warm.
var (redisEndpoint, prefix, baseUrl) = (args[0], args[1], new Uri(args[2]));
var (perMinute, seconds) = (int.Parse(args[3]), int.Parse(args[4]));
var (from, to) = (long.Parse(args[5]), long.Parse(args[6]));
using var redis = await ConnectionMultiplexer.ConnectAsync(redisEndpoint);
var limits = new TogetherLimits();
limits.Limiters["key"] = new LimiterDefinition { Name = "key", Budget = perMinute, RunAt = perMinute };
limits.RetryPolicies["default"] = new RetryPolicyDefinition { Name = "default" };
using var core = new TogetherClientCore(null, new TogetherClientOptions
{
    ApiKey = "sk-shared-budget-worker-key-0123456789",
    BaseUrl = baseUrl,
    SharedLimiters = new RedisLimiterStore(redis, new RedisLimiterStoreOptions { KeyPrefix = prefix }),
}, limits);
var chat = new EndpointDescriptor("ChatCompletions", "POST", "/chat/completions", ["key"], "default");
var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
var (succeeded, failed) = (0, 0);
var measured = 0;
await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
{
    while (DateTimeOffset.UtcNow < until)
    {
        try
        {
            var request = new ApiRequest(chat, "/chat/completions")
                .WithJsonBody(new Ask { Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo" }, WorkerJson.Default.Ask);
            await core.SendAsync(request, WorkerJson.Default.Answer, CancellationToken.None);
            var now = DateTimeOffset.UtcNow.UtcTicks;
            Interlocked.Increment(ref succeeded);
            if (now >= from && now < to)
            {
                Interlocked.Increment(ref measured);
            }
        }
        catch (TogetherApiException e)
        {
            Interlocked.Increment(ref failed);
            await Console.Error.WriteLineAsync(e.Message);
        }
    }
}));
Console.WriteLine($"succeeded {succeeded} failed {failed} measured {measured}");
return failed == 0 ? 0 : 1;

internal sealed class Ask : ILimitedRequest
{
    public string? Model { get; set; }

    public Message[] Messages { get; set; } = [new Message { Role = "user", Content = "One word, please." }];

    int? ILimitedRequest.MaxTokens => 8;

    int? ILimitedRequest.Choices => null;

    bool ILimitedRequest.Streams => false;
}

internal sealed class Message
{
    public string Role { get; set; } = "user";

    public string Content { get; set; } = string.Empty;
}

internal sealed class Answer
{
    public string? Id { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Ask))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(Answer))]
internal sealed partial class WorkerJson : JsonSerializerContext;
