using System;
using System.Collections.Generic;

namespace Together.Generated;

/// <summary>
/// A job could not be created because every slot of its <c>job_slots</c> limiter is taken: either this client knows
/// the slots are full and was told not to wait (<see cref="JobSlotOptions.WaitForSlot"/> false), or the server
/// refused the job (<see cref="ServerRefused"/>, with the server's error as the inner exception and its message).
/// </summary>
public sealed class JobSlotsFullException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public JobSlotsFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public JobSlotsFullException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The <c>job_slots</c> limiter's name from the limits file.</summary>
    public string LimiterName { get; internal set; } = string.Empty;

    /// <summary>The ids of the jobs this client knows to be holding the slots.</summary>
    public IReadOnlyList<string> RunningJobs { get; internal set; } = Array.Empty<string>();

    /// <summary>Whether the server refused the job (true) or the client did not send it (false).</summary>
    public bool ServerRefused { get; internal set; }
}
