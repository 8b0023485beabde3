using System.Collections.Generic;
using System.Linq;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Compares operations by method and path shape. The spec's operations themselves are read by the generator tests'
/// <c>SpecOperations</c>, compiled into this project too, so that both count by one rule.
/// </summary>
public static class OperationShapes
{
    /// <summary>
    /// A path with its parameter names blanked (<c>/jobs/{id}</c> becomes <c>/jobs/{}</c>): peers rename
    /// parameters, and which name a generator gave one is not what coverage asks.
    /// </summary>
    public static string Shape(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), "\\{[^}]*\\}", "{}");

    /// <summary>The sent (METHOD, path shape) pairs that are none of the spec's counted operations, or null.</summary>
    public static string? Unmatched(IEnumerable<(string Method, string Shape)> sent,
        HashSet<(string Method, string Shape)> spec)
    {
        var extra = sent.Distinct().Where(s => !spec.Contains(s)).Select(s => $"{s.Method} {s.Shape}").ToList();
        return extra.Count == 0 ? null : string.Join(", ", extra.OrderBy(e => e, System.StringComparer.Ordinal));
    }

    public static HashSet<(string Method, string Shape)> Shapes(
        IEnumerable<(string Method, string Path)> operations) =>
        operations.Select(o => (o.Method, Shape(o.Path))).ToHashSet();
}
