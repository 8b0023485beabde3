using System.Collections.Generic;

namespace Together.Generated;

/// <summary>A finished batch: its final state and every result, keyed by custom id.</summary>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <param name="Batch">The batch's final state.</param>
/// <param name="Results">Every result found in the output and error files, by custom id.</param>
/// <param name="Missing">
/// Custom ids sent that came back in neither file (always empty for <c>RunBatchFileAsync</c>, which does not read
/// the ids it sends).
/// </param>
/// <param name="UnreadableLines">Lines of the output or error file that were not results, with their numbers.</param>
public sealed record BatchOutcome<TResponse>(
    BatchState Batch,
    IReadOnlyDictionary<string, BatchItemResult<TResponse>> Results,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> UnreadableLines);
