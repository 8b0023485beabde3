using System;

namespace Together.Generated;

/// <summary>A batch as the server last described it.</summary>
/// <param name="Id">The batch id.</param>
/// <param name="Status">The server's status, e.g. <c>VALIDATING</c>, <c>IN_PROGRESS</c>, <c>COMPLETED</c>.</param>
/// <param name="Progress">Percent done, when the server says.</param>
/// <param name="OutputFileId">The results file, once there is one.</param>
/// <param name="ErrorFileId">The file of failed requests, when there is one.</param>
/// <param name="Error">The server's error for the whole batch, when it failed.</param>
public sealed record BatchState(
    string Id, string Status, double? Progress, string? OutputFileId, string? ErrorFileId, string? Error)
{
    /// <summary>Whether the batch has stopped: completed, failed, expired or cancelled.</summary>
    public bool IsFinished =>
        Status.Equals("COMPLETED", StringComparison.OrdinalIgnoreCase)
        || Status.Equals("FAILED", StringComparison.OrdinalIgnoreCase)
        || Status.Equals("EXPIRED", StringComparison.OrdinalIgnoreCase)
        || Status.Equals("CANCELLED", StringComparison.OrdinalIgnoreCase);
}
