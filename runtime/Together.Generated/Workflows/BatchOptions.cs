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

    /// <summary>
    /// Status checks in a row that may fail (a 5xx, a timeout, a cut connection) before the run gives up; the batch
    /// itself is unaffected. Default 5.
    /// </summary>
    public int MaxFailedChecks { get; set; } = 5;

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
        {
            throw new ArgumentException(
                "BatchOptions.PollInterval must be positive and MaxPollInterval at least as long.");
        }

        if (MaxFailedChecks < 1)
        {
            throw new ArgumentException("BatchOptions.MaxFailedChecks must be at least 1.");
        }
    }
}
