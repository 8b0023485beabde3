using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Together.Emulator;

/// <summary>
/// Reads the bearer key from <c>Authorization</c>; a missing, blank or non-bearer header yields none.
/// </summary>
internal static class ApiKey
{
    private const string Scheme = "Bearer ";

    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString().Trim();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[Scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    public static bool IsAccepted(string key, EmulatorOptions options) =>
        options.ApiKeys.Count == 0 || options.ApiKeys.Contains(key);
}
