using System;

namespace Together.Generated;

/// <summary>One batch of a batched run that failed: which inputs it held, and why it failed.</summary>
/// <param name="FirstIndex">The index, in the run's inputs, of the batch's first input.</param>
/// <param name="Count">
/// How many inputs the batch held (indices <c>FirstIndex</c> to <c>FirstIndex + Count - 1</c>).
/// </param>
/// <param name="Error">The call's failure, usually a <see cref="TogetherApiException"/>.</param>
public sealed record BatchFailure(int FirstIndex, int Count, Exception Error)
{
    /// <summary>A one-line description: the input range and the error's type and message.</summary>
    public override string ToString() =>
        $"inputs {FirstIndex}..{FirstIndex + Count - 1}: {Error.GetType().Name}: {Error.Message}";
}
