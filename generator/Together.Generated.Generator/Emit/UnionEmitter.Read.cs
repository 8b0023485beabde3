using System.Linq;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

internal static partial class UnionEmitter
{
    private const string Kind = "global::System.Text.Json.JsonValueKind.";

    private static void EmitReadSwitch(CodeWriter writer, TypeDecl type)
    {
        var counter = new Locals();
        writer.Open("switch (element.ValueKind)");
        EmitCase(writer, type, new[] { "String" }, "string", counter);
        if (WithToken(type, "integer").Any() || WithToken(type, "number").Any())
        {
            writer.Line($"case {Kind}Number:");
            writer.Indent(() =>
            {
                foreach (var variant in WithToken(type, "integer"))
                {
                    TryBranch(writer, variant, "element.TryGetInt64(out _) && ", counter);
                }

                foreach (var variant in WithToken(type, "number"))
                {
                    TryBranch(writer, variant, string.Empty, counter);
                }

                writer.Line("break;");
            });
        }

        EmitCase(writer, type, new[] { "True", "False" }, "boolean", counter);
        EmitCase(writer, type, new[] { "Array" }, "array", counter);
        if (WithToken(type, "object").Any())
        {
            writer.Line($"case {Kind}Object:");
            writer.Indent(() => EmitObjectCase(writer, type, counter));
        }

        writer.Close();
        writer.Line();
        foreach (var variant in WithToken(type, "any"))
        {
            TryBranch(writer, variant, string.Empty, counter);
        }
    }

    private static void EmitCase(CodeWriter writer, TypeDecl type, string[] kinds, string token, Locals counter)
    {
        var variants = WithToken(type, token).ToList();
        if (variants.Count == 0)
        {
            return;
        }

        foreach (var kind in kinds)
        {
            writer.Line($"case {Kind}{kind}:");
        }

        writer.Indent(() =>
        {
            foreach (var variant in variants)
            {
                TryBranch(writer, variant, string.Empty, counter);
            }

            writer.Line("break;");
        });
    }

    private static void EmitObjectCase(CodeWriter writer, TypeDecl type, Locals counter)
    {
        var objects = WithToken(type, "object").ToList();
        if (type.Discriminator is { } discriminator && objects.Any(v => v.DiscriminatorValues.Count > 0))
        {
            writer.Open($"switch ({Reader}.Discriminator(element, {CodeWriter.Quote(discriminator)}))");
            foreach (var variant in objects.Where(v => v.DiscriminatorValues.Count > 0))
            {
                foreach (var value in variant.DiscriminatorValues)
                {
                    writer.Line($"case {CodeWriter.Quote(value)}:");
                }

                writer.Line($"    return new({Reader}.Read<{variant.Type.Name}>(element, options));");
            }

            writer.Close();
            writer.Line();
        }

        foreach (var variant in objects.Where(v => v.RequiredProperties.Count > 0))
        {
            var names = string.Join(", ", variant.RequiredProperties.Select(CodeWriter.Quote));
            TryBranch(writer, variant, $"{Reader}.HasProperties(element, {names}) && ", counter);
        }

        foreach (var variant in objects)
        {
            TryBranch(writer, variant, string.Empty, counter);
        }

        writer.Line("break;");
    }

    private static void TryBranch(CodeWriter writer, UnionVariant variant, string condition, Locals counter)
    {
        var local = counter.Next();
        writer.Open($"if ({condition}{Reader}.TryRead<{variant.Type.Name}>(element, options, out var {local}))");
        writer.Line($"return new({local});");
        writer.Close();
        writer.Line();
    }

    /// <summary>Hands out distinct local names within one generated method.</summary>
    private sealed class Locals
    {
        private int _next;

        public string Next() => "value" + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
