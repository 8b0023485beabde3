using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>Carries out a fault that fires before the answer; stream faults are left to the stream writer.</summary>
internal static class FaultActions
{
    /// <summary>True when the fault answered (or cut) the request, so the handler must not run.</summary>
    public static async Task<bool> ApplyAsync(HttpContext context, EmulatorState state, FaultRule fault)
    {
        await state.SleepAsync(fault.Latency, context.RequestAborted);
        switch (fault.Kind)
        {
            case FaultKind.Disconnect:
                Connection.Abort(context);
                return true;
            case FaultKind.Status:
                AddWaitHints(context.Response, fault);
                await ErrorWriter.WriteAsync(
                    context, fault.Status, fault.Body, fault.Message, fault.ErrorType, fault.ErrorCode);
                return true;
            default:
                return false;
        }
    }

    private static void AddWaitHints(HttpResponse response, FaultRule fault)
    {
        if (fault.RetryAfter is { Length: > 0 } retryAfter)
        {
            response.Headers["retry-after"] = retryAfter;
        }

        if (fault.RetryAfterMs is { Length: > 0 } retryAfterMs)
        {
            response.Headers["retry-after-ms"] = retryAfterMs;
        }

        if (fault.RateLimitReset is { Length: > 0 } reset)
        {
            response.Headers[RateLimitHeaders.Reset] = reset;
        }

        if (fault.ShouldRetry is { } shouldRetry)
        {
            response.Headers["x-should-retry"] = shouldRetry.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        }
    }
}
