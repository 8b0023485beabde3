using System.Threading;

namespace Together.Generated;

/// <summary>
/// Lets the calls waiting for permits be failed together. Each waiter listens to the instance current when it began
/// to wait; a 401 or 402 refuses that instance, so every call queued behind the refused one fails at once with the
/// same error instead of waiting its turn to be refused in turn. Calls that start later use a fresh instance.
/// </summary>
internal sealed class QueueRefusal
{
    private readonly CancellationTokenSource _cancel = new();

    public CancellationToken Token => _cancel.Token;

    /// <summary>The error that refused the queue; set before <see cref="Token"/> is cancelled.</summary>
    public TogetherApiException? Error { get; private set; }

    public void Refuse(TogetherApiException error)
    {
        Error = error;
        _cancel.Cancel();
    }
}
