using Microsoft.Extensions.Logging;

namespace Together.Generated.Redis;

/// <summary>The store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(
        1,
        LogLevel.Warning,
        "The shared-budget store could not be reached ({Reason}): {Consequence}",
        EventName = "StoreUnreachable")]
    public static partial void StoreUnreachable(ILogger logger, string reason, string consequence);
}
