using System;

namespace Together.Generated;

/// <summary>How <see cref="BatchJobRunner"/> waits for a batch.</summary>
public sealed class BatchOptions
{
    /// <summary>
    /// The first pause between two status checks; doubled after each, up to <see cref="MaxPollInterval"/>.
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest pause between two status checks. Default 5 minutes.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where the JSONL input file is written. Default null: the system's temporary folder. The file is deleted when
    /// the run ends.
    /// </summary>
    public string? WorkingDirectory { get; set; }
}
