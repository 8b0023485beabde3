using System;

namespace Together.Generated;

/// <summary>
/// A batch was created on the server, but the run could not follow it to the end (its status or results could not
/// be read). The batch keeps running there: <see cref="BatchId"/> finds it again.
/// </summary>
public sealed class BatchRunException : TogetherApiException
{
    /// <summary>Creates the exception with a message.</summary>
    public BatchRunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public BatchRunException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id of the batch on the server.</summary>
    public string BatchId { get; internal set; } = string.Empty;
}
