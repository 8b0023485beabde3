using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Generated;

/// <summary>
/// Some batches of a batched run failed after every other batch was tried. Nothing done is lost:
/// <see cref="Results"/> holds every result that arrived, in input order, with <c>default</c> where a batch failed,
/// and <see cref="Failures"/> says which inputs those were and why.
/// </summary>
/// <typeparam name="TResult">The type of one input's result.</typeparam>
public sealed class BatchFailedException<TResult> : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchFailedException(IReadOnlyList<TResult?> results, IReadOnlyList<BatchFailure> failures)
        : base(Describe(results, failures), failures.Count > 0 ? failures[0].Error : null)
    {
        Results = results;
        Failures = failures;
    }

    /// <summary>Every input's result in input order; <c>default</c> for the inputs of failed batches.</summary>
    public IReadOnlyList<TResult?> Results { get; }

    /// <summary>The failed batches, in input order.</summary>
    public IReadOnlyList<BatchFailure> Failures { get; }

    private static string Describe(IReadOnlyList<TResult?> results, IReadOnlyList<BatchFailure> failures)
    {
        var failedInputs = failures.Sum(f => f.Count);
        var first = failures.Count > 0 ? " First: " + failures[0] : string.Empty;
        return $"{failures.Count} batch(es) failed, holding {failedInputs} of {results.Count} inputs; "
            + $"the other results are kept.{first}";
    }
}
