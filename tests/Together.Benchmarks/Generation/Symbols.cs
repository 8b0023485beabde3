using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Benchmarks.Generation;

/// <summary>Walks a compilation's own namespaces for the methods the generated code declares.</summary>
public static class Symbols
{
    public static IEnumerable<IMethodSymbol> Methods(INamespaceSymbol root) =>
        Types(root).SelectMany(t => t.GetMembers().OfType<IMethodSymbol>());

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in Types(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in Types(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
