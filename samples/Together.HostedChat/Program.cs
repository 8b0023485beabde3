using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Together;
using Together.Emulator;
using Together.Generated;
using Together.HostedChat;

// The generated client as an application uses it: registered with AddTogetherClient, configured from
// appsettings.json (section "Together"), validated when the host starts, logging through the host's console logger.
// appsettings.json is read from beside the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(
    new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Without a server named in configuration or TOGETHER_BASE_URL, the emulator runs in this process on loopback. It
// allows 1 call a second, below the 100 a minute configured, so the log shows the client meeting 429s and waiting.
await using var emulator = Emulation.Needed(builder.Configuration)
    ? await EmulatorApp.StartAsync(new EmulatorOptions { RequestsPerSecond = 1 })
    : null;
if (emulator is not null)
{
    builder.Configuration["Together:BaseUrl"] = emulator.BaseUrl;
    builder.Configuration["Together:ApiKey"] ??= Emulation.Key;
    Console.WriteLine($"Using the emulator at {emulator.BaseUrl}");
}

builder.Services.AddTogetherClient();

// Code written against Microsoft.Extensions.AI runs over the same client, so under the same limits.
var model = builder.Configuration["Sample:Model"] ?? "meta-llama/Llama-3.3-70B-Instruct-Turbo";
builder.Services.AddSingleton<IChatClient>(
    services => services.GetRequiredService<TogetherClient>().AsChatClient(model));
using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    Console.Error.WriteLine("Invalid Together settings: " + string.Join(" ", e.Failures));
    return 2;
}

var calls = int.TryParse(builder.Configuration["Sample:Calls"], out var n) ? n : 12;
var client = host.Services.GetRequiredService<TogetherClient>();
var answers = await Task.WhenAll(Enumerable.Range(1, calls).Select(i =>
    client.Chat.ChatCompletionsAsync(Prompts.Ask(model, $"Question {i}: name a prime number."))));
foreach (var (answer, i) in answers.Select((a, i) => (a, i + 1)))
{
    Console.WriteLine($"#{i}: {answer.Choices[0].Message?.Content}");
}

// The same through IChatClient, streamed: the call holds its permits until the last chunk.
Console.Write("IChatClient, streamed: ");
await foreach (var update in host.Services.GetRequiredService<IChatClient>()
    .GetStreamingResponseAsync("Stream a short greeting.", new ChatOptions { MaxOutputTokens = 32 }))
{
    Console.Write(update.Text);
}

Console.WriteLine();
var chat = client.Core.Limits.Limiters["chat"];
Console.WriteLine($"{answers.Length} of {calls} calls answered; chat limiter runs at {chat.RunAt}/min "
    + $"of a {chat.Budget}/min budget (from appsettings.json).");
await host.StopAsync();
return 0;
