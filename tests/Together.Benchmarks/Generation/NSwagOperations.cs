using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Together.Benchmarks.Generation;

/// <summary>
/// Which (METHOD, path shape) each of NSwag's operation methods sends, read from its body: the method from
/// <c>new System.Net.Http.HttpMethod("X")</c>, the path from the <c>urlBuilder_.Append(...)</c> calls before the
/// query string (string literals as written, anything else a parameter). NSwag emits one such method per operation.
/// </summary>
public static class NSwagOperations
{
    public static List<(string Method, string Shape)> Read(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, OutputCompiler.ParseOptions).GetRoot();
        var result = new List<(string, string)>();
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var verb = method.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                .Where(c => c.Type.ToString() == "System.Net.Http.HttpMethod")
                .Select(c => c.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
                .OfType<LiteralExpressionSyntax>()
                .Select(l => l.Token.ValueText)
                .FirstOrDefault();
            if (verb is not null)
            {
                result.Add((verb.ToUpperInvariant(), OperationShapes.Shape("/" + Path(method))));
            }
        }

        return result;
    }

    private static string Path(MethodDeclarationSyntax method)
    {
        var path = new StringBuilder();
        foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax
                {
                    Expression: IdentifierNameSyntax { Identifier.ValueText: "urlBuilder_" },
                    Name.Identifier.ValueText: "Append",
                } ||
                call.ArgumentList.Arguments.FirstOrDefault()?.Expression is not { } argument)
            {
                continue;
            }

            if (argument.IsKind(SyntaxKind.CharacterLiteralExpression))
            {
                break; // '?': the query string starts, the path is done
            }

            if (argument is IdentifierNameSyntax { Identifier.ValueText: "_baseUrl" })
            {
                continue;
            }

            path.Append(argument is LiteralExpressionSyntax literal ? literal.Token.ValueText : "{}");
        }

        return path.ToString();
    }
}
