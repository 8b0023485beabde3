using Microsoft.Extensions.Logging;

namespace Together.Generated;

/// <summary>
/// The client's log messages, source-generated with stable event ids. They carry endpoint names, statuses, counts
/// and durations only: never the API key, a request or response body, or a server message (which may quote input).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Calling {Endpoint} ({Method} {PathTemplate})", EventName = "CallStarting")]
    public static partial void CallStarting(ILogger logger, string endpoint, string method, string pathTemplate);

    [LoggerMessage(
        2,
        LogLevel.Debug,
        "{Endpoint} answered HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMs} ms",
        EventName = "CallAnswered")]
    public static partial void CallAnswered(
        ILogger logger, string endpoint, int statusCode, int attempts, long elapsedMs);

    [LoggerMessage(
        3,
        LogLevel.Debug,
        "{Endpoint} failed with {ErrorKind} (HTTP {StatusCode}) after {Attempts} attempt(s) in {ElapsedMs} ms",
        EventName = "CallFailed")]
    public static partial void CallFailed(
        ILogger logger, string endpoint, string errorKind, int? statusCode, int attempts, long elapsedMs);

    [LoggerMessage(
        4,
        LogLevel.Information,
        "{Endpoint} attempt {Attempt} failed with {Outcome}; retrying in {DelayMs} ms, as {DelaySource} says",
        EventName = "RetryScheduled")]
    public static partial void RetryScheduled(
        ILogger logger, string endpoint, int attempt, string outcome, long delayMs, string delaySource);

    [LoggerMessage(5, LogLevel.Debug, "{Endpoint} stream ended after {Chunks} chunk(s)", EventName = "StreamEnded")]
    public static partial void StreamEnded(ILogger logger, string endpoint, int chunks);

    [LoggerMessage(
        6,
        LogLevel.Warning,
        "{Endpoint} stayed overloaded (503) on {Model} after its retries; trying fallback model {Fallback}",
        EventName = "FallingBack")]
    public static partial void FallingBack(ILogger logger, string endpoint, string model, string fallback);

    [LoggerMessage(
        7,
        LogLevel.Information,
        "{Endpoint} waits for a slot of job-slot limiter '{Limiter}': {Running} of {Slots} jobs running; "
            + "checking again in {DelayMs} ms",
        EventName = "JobSlotWait")]
    public static partial void JobSlotWait(
        ILogger logger, string endpoint, string limiter, int running, int slots, long delayMs);

    [LoggerMessage(
        8,
        LogLevel.Warning,
        "{Endpoint} could not check the jobs of job-slot limiter '{Limiter}' and will check again: {Reason}",
        EventName = "JobSlotCheckFailed")]
    public static partial void JobSlotCheckFailed(ILogger logger, string endpoint, string limiter, string reason);

    [LoggerMessage(
        9,
        LogLevel.Warning,
        "{Endpoint} created a job whose answer carried no id; job-slot limiter '{Limiter}' cannot hold a slot for it",
        EventName = "JobSlotUntracked")]
    public static partial void JobSlotUntracked(ILogger logger, string endpoint, string limiter);

    [LoggerMessage(
        10,
        LogLevel.Information,
        "{Endpoint}: holding back its limiters for {DelayMs} ms: {Reason}",
        EventName = "HoldingBack")]
    public static partial void HoldingBack(ILogger logger, string endpoint, long delayMs, string reason);

    [LoggerMessage(
        11,
        LogLevel.Warning,
        "{Endpoint} refused locally: the queue of limiter '{Limiter}' is full",
        EventName = "LimiterQueueFull")]
    public static partial void LimiterQueueFull(ILogger logger, string endpoint, string limiter);
}
