using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Which (METHOD, path shape) Kiota's request builders send: each builder's URL template (the
/// <c>"{+baseurl}/..."</c> literal it hands its base constructor, query string and expansion dropped) with each of its
/// <c>To{Verb}RequestInformation</c> methods, which Kiota emits exactly once per operation (its <c>{Verb}Async</c>
/// executors can come in several shapes for one operation, so they are not what is counted).
/// </summary>
public static partial class KiotaOperations
{
    public static List<(string Method, string Shape)> Read(IEnumerable<SyntaxTree> trees)
    {
        var result = new List<(string, string)>();
        foreach (var type in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()))
        {
            var template = type.DescendantNodes().OfType<ConstructorInitializerSyntax>()
                .SelectMany(i => i.ArgumentList.Arguments)
                .Select(a => a.Expression)
                .OfType<LiteralExpressionSyntax>()
                .Select(l => l.Token.ValueText)
                .FirstOrDefault(v => v.StartsWith("{+baseurl}", System.StringComparison.Ordinal));
            if (template is null)
            {
                continue;
            }

            var path = QueryExpansion().Replace(template["{+baseurl}".Length..], string.Empty);
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                var match = RequestInformation().Match(method.Identifier.ValueText);
                if (match.Success)
                {
                    result.Add((match.Groups[1].Value.ToUpperInvariant(), OperationShapes.Shape(path)));
                }
            }
        }

        return result;
    }

    // From "{?a,b}" (optional parameters) or a literal "?" (required ones: "?model={model}{&b}") to the end.
    [GeneratedRegex("(\\{\\?|\\?).*$")]
    private static partial Regex QueryExpansion();

    [GeneratedRegex("^To(Get|Post|Put|Patch|Delete|Head|Options)RequestInformation$")]
    private static partial Regex RequestInformation();
}
