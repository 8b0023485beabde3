using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>One retry policy from the limits file.</summary>
public sealed class RetryPolicyDefinition
{
    /// <summary>The policy's name, as endpoints refer to it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay, doubled each retry. Default one second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest server wait hint obeyed; a longer one fails the call at once. Default 60 seconds.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The share of a backoff delay taken off at random (0 to 1). Default 0.25.</summary>
    public double Jitter { get; set; } = 0.25;

    /// <summary>HTTP statuses retried. Default 408, 429, 502, 503, 504, 524, 529.</summary>
    public ISet<int> RetryOn { get; set; } = new HashSet<int> { 408, 429, 502, 503, 504, 524, 529 };
}
