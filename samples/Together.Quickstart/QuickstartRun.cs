using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Together.Generated;

namespace Together.Quickstart;

/// <summary>The quickstart from start to end: target, client, tour, load, table, exit code.</summary>
public static class QuickstartRun
{
    /// <summary>The chat model used unless <c>--model</c> names another.</summary>
    public const string DefaultModel = "meta-llama/Llama-3.3-70B-Instruct-Turbo";

    /// <summary>Requests a second per model the self-started emulator allows unless --emulator-limit says.</summary>
    public const int DefaultEmulatorLimit = 10;

    /// <summary>The embedding model used unless <c>--embedding-model</c> names another.</summary>
    public const string DefaultEmbeddingModel = "BAAI/bge-base-en-v1.5";

    /// <summary>Runs everything; returns 0 when every call succeeded, 1 when any failed, 2 on bad arguments.</summary>
    public static async Task<int> RunAsync(QuickstartArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Load.Requests < 1 || args.Load.Concurrency < 1 || args.RequestsPerMinute is < 1
            || args.EmulatorLimit is < 0)
        {
            AnsiConsole.MarkupLine(
                "[red]--requests, --concurrency and --rpm must be at least 1, --emulator-limit at least 0.[/]");
            return 2;
        }

        await using var target = await Target.ResolveAsync(args.EmulatorLimit ?? DefaultEmulatorLimit)
            .ConfigureAwait(false);
        AnsiConsole.MarkupLine($"Calling {Markup.Escape(target.Description)}.");
        if (args.EmulatorLimit is not null && !target.IsOwnEmulator)
        {
            AnsiConsole.MarkupLine("[yellow]--emulator-limit is ignored: it sets only the emulator the quickstart "
                + "starts itself, and TOGETHER_BASE_URL or TOGETHER_API_KEY names another server.[/]");
        }
        var counter = new StatusCounter(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new TogetherClient(http, Options(target, args.RequestsPerMinute));

        var tourFailed = !args.LoadOnly && !await TryTourAsync(client, args, cancellationToken).ConfigureAwait(false);
        var result = await RunLoadAsync(client, counter, args.Load, cancellationToken).ConfigureAwait(false);
        AnsiConsole.Write(ResultTable.Build(result));
        foreach (var failure in result.Failures)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failure)}[/]");
        }

        return tourFailed || result.FailedCount > 0 ? 1 : 0;
    }

    /// <summary>
    /// The client's options for <paramref name="target"/>, with the budget override if one was given.
    /// </summary>
    public static TogetherClientOptions Options(Target target, int? requestsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new TogetherClientOptions
        {
            ApiKey = target.ApiKey,
            BaseUrl = target.BaseUrl,
            ConfigureLimits = requestsPerMinute is { } perMinute
                ? limits => Budget.Override(limits, TogetherEndpoints.ChatCompletions, perMinute)
                : null,
        };
    }

    private static async Task<bool> TryTourAsync(
        TogetherClient client, QuickstartArgs args, CancellationToken cancellationToken)
    {
        try
        {
            await Tour.RunAsync(client, args.Load.Model, args.EmbeddingModel, Console.Out, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (TogetherApiException e)
        {
            // Reported and counted, then the load still runs: one failed call is no reason to stop.
            AnsiConsole.MarkupLine($"[red]Tour call failed: {Markup.Escape(e.Message)}[/]");
            return false;
        }
    }

    private static Task<LoadResult> RunLoadAsync(
        TogetherClient client, StatusCounter counter, LoadSettings load, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine(
            $"Load: {load.Requests} chat calls, {load.Concurrency} at a time, on {Markup.Escape(load.Model)}.");
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("chat calls", maxValue: load.Requests);
                var progress = new InlineProgress<int>(done => bar.Value = done);
                return await LoadRunner.RunAsync(client, counter, load, TimeProvider.System, progress,
                    cancellationToken).ConfigureAwait(false);
            });
    }
}
