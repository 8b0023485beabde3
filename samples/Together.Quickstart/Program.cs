using System.CommandLine;
using Together.Quickstart;

// The quickstart: a tour of the generated client, then a load of numbered chat calls under the limits file's
// budgets, ending with a table. Without TOGETHER_BASE_URL or TOGETHER_API_KEY it starts a local emulator.
var requests = new Option<int>("--requests", "-n")
{
    Description = "Chat calls the load makes.",
    DefaultValueFactory = _ => 200,
};
var concurrency = new Option<int>("--concurrency", "-c")
{
    Description = "Load calls in flight at once.",
    DefaultValueFactory = _ => 16,
};
var model = new Option<string>("--model", "-m")
{
    Description = "The chat model.",
    DefaultValueFactory = _ => QuickstartRun.DefaultModel,
};
var embeddingModel = new Option<string>("--embedding-model")
{
    Description = "The embedding model of the tour.",
    DefaultValueFactory = _ => QuickstartRun.DefaultEmbeddingModel,
};
var rpm = new Option<int?>("--rpm")
{
    Description = "Overrides the chat budgets (key-wide and per model) with this many requests a minute, as an "
        + "account on another tier would. Default: the limits file's figures.",
};
var emulatorLimit = new Option<int?>("--emulator-limit")
{
    Description = "Requests a second per model that the self-started emulator allows (default 10). Only for the "
        + "emulator the quickstart starts itself; ignored, with a warning, when TOGETHER_BASE_URL or TOGETHER_API_KEY "
        + "names another server.",
};
var skipTour = new Option<bool>("--load-only") { Description = "Skip the tour; run only the load." };

var root = new RootCommand("Runs the Together.Generated client: a tour of its calls, then a load under the limits.")
{
    requests, concurrency, model, embeddingModel, rpm, emulatorLimit, skipTour,
};
root.SetAction((parse, cancellationToken) => QuickstartRun.RunAsync(
    new QuickstartArgs(
        new LoadSettings(parse.GetValue(requests), parse.GetValue(concurrency), parse.GetValue(model)!),
        parse.GetValue(embeddingModel)!,
        parse.GetValue(rpm),
        parse.GetValue(emulatorLimit),
        parse.GetValue(skipTour)),
    cancellationToken));
return await root.Parse(args).InvokeAsync();
