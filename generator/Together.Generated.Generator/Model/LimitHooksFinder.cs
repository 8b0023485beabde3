using System.Collections.Generic;
using System.Linq;

namespace Together.Generated.Generator.Model;

/// <summary>
/// Marks JSON request bodies that carry what limits need (model, max_tokens, n, stream), so the emitted type
/// implements <c>ILimitedRequest</c> and the runtime reads them without reflection.
/// </summary>
internal static class LimitHooksFinder
{
    public static void Apply(SchemaMapper schemas, IEnumerable<OperationModel> operations)
    {
        var bodies = operations
            .Where(o => o.Body is { Kind: BodyKind.Json })
            .Select(o => o.Body!.Type.Name)
            .Distinct();
        foreach (var name in bodies)
        {
            if (schemas.FindDecl(name) is not { Kind: TypeDeclKind.Object } decl || decl.Hooks is not null)
            {
                continue;
            }

            var model = Find(decl, "model", WireKind.String, WireKind.WireValue);
            var maxTokens = Find(decl, "max_tokens", WireKind.Integer);
            var choices = Find(decl, "n", WireKind.Integer);
            var stream = Find(decl, "stream", WireKind.Bool);
            if (model is null && maxTokens is null && choices is null && stream is null)
            {
                continue;
            }

            schemas.Replace(decl with
            {
                Hooks = new LimitHooks(model?.Name, model?.Type.Kind == WireKind.String, maxTokens?.Name,
                    choices?.Name, stream?.Name),
            });
        }
    }

    private static PropertyDecl? Find(TypeDecl decl, string jsonName, params WireKind[] kinds) =>
        decl.Properties.FirstOrDefault(p => p.JsonName == jsonName && kinds.Contains(p.Type.Kind) && !p.Deprecated);
}
