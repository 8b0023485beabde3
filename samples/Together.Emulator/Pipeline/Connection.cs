using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>Cuts connections on purpose and tells later whether a request ended that way.</summary>
internal static class Connection
{
    private const string AbortedKey = "Together.Emulator.Aborted";

    public static void Abort(HttpContext context)
    {
        context.Items[AbortedKey] = true;
        context.Abort();
    }

    /// <summary>True when the emulator cut the connection or the client dropped it.</summary>
    public static bool WasAborted(HttpContext context) =>
        context.Items.ContainsKey(AbortedKey) || context.RequestAborted.IsCancellationRequested;
}
