using System;

namespace Together.Generated;

/// <summary>
/// A batch breaks a Batch API limit from the limits file (requests per batch, input file size, batches in flight),
/// found before anything was uploaded.
/// </summary>
public sealed class BatchLimitException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public BatchLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public BatchLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The limit broken, as the limits file names it: <c>max_requests_per_batch</c>, <c>max_file_size</c> or
    /// <c>max_batches_in_flight</c>.
    /// </summary>
    public string Limit { get; internal set; } = string.Empty;

    /// <summary>The batch's figure (requests, bytes, or batches in flight).</summary>
    public long Actual { get; internal set; }

    /// <summary>The figure the limits file allows.</summary>
    public long Allowed { get; internal set; }
}
