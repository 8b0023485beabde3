using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Together.Generated;

/// <content>A caller waiting in the queue for permits.</content>
internal abstract partial class ClockedRateLimiter
{
    private sealed class Waiter
    {
        private readonly ClockedRateLimiter _owner;

        public Waiter(ClockedRateLimiter owner, int permits)
        {
            _owner = owner;
            Permits = permits;
        }

        public int Permits { get; }

        public TaskCompletionSource<RateLimitLease> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Cancel(CancellationToken token)
        {
            lock (_owner._gate)
            {
                if (Node?.List is null)
                {
                    return;
                }

                _owner._queue.Remove(Node);
                _owner._queuedPermits -= Permits;
            }

            Completion.TrySetCanceled(token);

            // The waiter behind this one may fit in the permits available now.
            _owner.Drain();
        }
    }
}
