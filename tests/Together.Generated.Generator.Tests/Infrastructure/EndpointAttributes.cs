using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Infrastructure;

/// <summary>Reads the endpoint attributes off the generated methods through the compiler's symbols.</summary>
public static class EndpointAttributes
{
    public static HashSet<(string Method, string Path)> Read(Compilation compilation)
    {
        var result = new HashSet<(string, string)>();
        foreach (var method in AllMethods(compilation.Assembly.GlobalNamespace))
        {
            foreach (var attribute in method.GetAttributes()
                         .Where(a => a.AttributeClass?.Name == "TogetherEndpointAttribute"))
            {
                result.Add(((string)attribute.ConstructorArguments[0].Value!,
                    (string)attribute.ConstructorArguments[1].Value!));
            }
        }

        return result;
    }

    public static IEnumerable<IMethodSymbol> AllMethods(INamespaceSymbol root)
    {
        foreach (var type in AllTypes(root))
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                yield return method;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol root)
    {
        foreach (var member in root.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
            }
        }
    }
}
