using System;
using System.Security.Cryptography;
using System.Text;

namespace Together.Generated;

/// <summary>
/// A short, stable stand-in for an API key in limiter partition names, logs and metrics: the first 12 hex digits of
/// its SHA-256. It tells keys apart without revealing them.
/// </summary>
public static class KeyFingerprint
{
    /// <summary>The number of hex digits kept: 12 (48 bits).</summary>
    public const int Length = 12;

    /// <summary>Returns the fingerprint of <paramref name="apiKey"/>: 12 lower-case hex digits.</summary>
    public static string Of(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return Convert.ToHexString(hash, 0, Length / 2).ToLowerInvariant();
    }
}
