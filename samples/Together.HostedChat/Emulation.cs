using System;
using Microsoft.Extensions.Configuration;
using Together.Generated;

namespace Together.HostedChat;

/// <summary>Decides whether the sample hosts the emulator: only when no server is configured.</summary>
internal static class Emulation
{
    /// <summary>The key the sample gives the emulator when none is configured.</summary>
    public const string Key = "emulator-key";

    public static bool Needed(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["Together:BaseUrl"])
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TogetherClientOptions.BaseUrlVariable));
}
