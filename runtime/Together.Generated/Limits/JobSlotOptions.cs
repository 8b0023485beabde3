using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>
/// How a <c>job_slots</c> limiter (fine-tune jobs running at once, by default) behaves. A slot is held from the job's
/// creation until the server reports it finished, not for the HTTP call that created it.
/// </summary>
public sealed class JobSlotOptions
{
    /// <summary>
    /// Whether a create call waits for a slot when all are taken (true, the default) or fails at once with
    /// <see cref="JobSlotsFullException"/> (false).
    /// </summary>
    public bool WaitForSlot { get; set; } = true;

    /// <summary>
    /// How long to wait before asking the server again whether a running job has finished; doubled after each
    /// check that frees no slot, up to <see cref="MaxPollInterval"/>. Default 5 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two checks. Default 1 minute.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a create call waits for a slot before failing with <see cref="JobSlotsFullException"/>.
    /// Default 1 hour.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Job statuses that free a slot. Default: <c>completed</c>, <c>cancelled</c>, <c>error</c>, <c>user_error</c>,
    /// <c>failed</c> and <c>expired</c>. A job the server no longer knows (404) frees its slot too.
    /// </summary>
    public ISet<string> FinishedStatuses { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "completed", "cancelled", "error", "user_error", "failed", "expired",
    };
}
