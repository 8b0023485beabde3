using System.Collections.Generic;
using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// One entry of <c>endpoints</c>: criteria that must all match an operation, and what it assigns.
/// An assignment left null was not written, so <c>defaults</c> supplies it.
/// </summary>
/// <param name="Number">The rule's one-based position in the file, as diagnostics name it.</param>
/// <param name="Line">The zero-based line of the rule, for diagnostics about it.</param>
/// <param name="Column">The zero-based column of the rule.</param>
internal sealed record EndpointRule(
    int Number,
    int Line,
    int Column,
    string? OperationId,
    string? PathPattern,
    string? Method,
    string? Tag,
    EquatableArray<string>? Limiters,
    string? RetryPolicy,
    bool? Idempotent,
    EquatableArray<string>? FallbackModels)
{
    /// <summary>The rule's criteria in the file's words, e.g. <c>method: POST, path: /fine-tunes</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (OperationId is not null)
        {
            parts.Add("operation_id: " + OperationId);
        }

        if (Method is not null)
        {
            parts.Add("method: " + Method);
        }

        if (PathPattern is not null)
        {
            parts.Add("path: " + PathPattern);
        }

        if (Tag is not null)
        {
            parts.Add("tag: " + Tag);
        }

        return string.Join(", ", parts);
    }
}
