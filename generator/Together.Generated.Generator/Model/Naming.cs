using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Together.Generated.Generator.Model;

/// <summary>Turns spec names (snake_case, kebab-case, dotted, slashed) into valid C# identifiers.</summary>
internal static class Naming
{
    /// <summary>PascalCase identifier; never empty, never a keyword, never starting with a digit.</summary>
    public static string Pascal(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var upperNext = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            // Keep existing camel humps (fooBar -> FooBar) but start each word upper case.
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = char.IsDigit(c);
        }

        return Valid(builder.ToString());
    }

    /// <summary>camelCase identifier for parameters and locals, escaped when it is a keyword.</summary>
    public static string Camel(string raw)
    {
        var pascal = Pascal(raw);
        if (pascal.StartsWith("_", StringComparison.Ordinal))
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>
    /// Names an operation from its method and path: <c>GET /files/{id}/content</c> gives <c>GetFilesIdContent</c>.
    /// </summary>
    public static string FromMethodAndPath(string method, string path)
    {
        var builder = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = segment.Trim('{', '}');
            builder.Append(Pascal(trimmed));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns <paramref name="name"/>, or it with a number appended, so that it is not in <paramref name="taken"/>.
    /// A name ending in a digit gets an underscore first, so <c>_1</c> becomes <c>_1_2</c>, never <c>_12</c>.
    /// </summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        var stem = name.Length > 0 && char.IsDigit(name[name.Length - 1]) ? name + "_" : name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static bool IsKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ||
        SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None;

    private static string Valid(string name)
    {
        if (name.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(name[0]))
        {
            name = "_" + name;
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
