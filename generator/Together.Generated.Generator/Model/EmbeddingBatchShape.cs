using System.Linq;

namespace Together.Generated.Generator.Model;

/// <summary>
/// The names the batched-embedding helper is written with, found in the spec's embeddings operation: its request's
/// model and input properties (the input a union with a list-of-strings branch), and its response's data items with
/// their embedding vector and index. Null when the spec has no such operation, so no helper is emitted.
/// </summary>
internal sealed record EmbeddingBatchShape(
    string Group,
    string MethodName,
    string RequestType,
    string ModelProperty,
    string InputProperty,
    string InputType,
    string DataProperty,
    string VectorType,
    string EmbeddingProperty,
    string IndexProperty)
{
    private const string ListOfStrings = "global::System.Collections.Generic.IList<string>";
    private const string ListPrefix = "global::System.Collections.Generic.IList<";

    public static EmbeddingBatchShape? Find(SpecModel spec)
    {
        var types = spec.Types.ToDictionary(t => t.Name);
        var operation = spec.Operations.FirstOrDefault(o =>
            o.Method == "POST" && o.Path == "/embeddings" && o.Body is { Kind: BodyKind.Json }
            && o.Response is { Kind: ResponseKind.Json, Type: not null });
        if (operation is null
            || !types.TryGetValue(operation.Body!.Type.Name, out var request)
            || !types.TryGetValue(operation.Response.Type!.Name, out var response))
        {
            return null;
        }

        var model = Property(request, "model");
        var input = Property(request, "input");
        var data = Property(response, "data");
        if (model is null || !TakesString(model.Type.Name, types) || input is null || data is null
            || !types.TryGetValue(input.Type.Name, out var union) || union.Kind != TypeDeclKind.Union
            || !union.Variants.Any(v => v.Type.Name == ListOfStrings)
            || !data.Type.Name.StartsWith(ListPrefix, System.StringComparison.Ordinal)
            || !types.TryGetValue(ItemOf(data.Type.Name), out var item))
        {
            return null;
        }

        var embedding = Property(item, "embedding");
        var index = Property(item, "index");
        if (embedding is null || !embedding.Type.Name.StartsWith(ListPrefix, System.StringComparison.Ordinal)
            || index?.Type.Name is not ("int" or "long"))
        {
            return null;
        }

        return new EmbeddingBatchShape(operation.Group, operation.Name, request.Name, model.Name, input.Name,
            union.Name, data.Name, embedding.Type.Name, embedding.Name, index.Name);
    }

    // A plain string, or an open enum or a union with a string branch: both convert from a string implicitly.
    private static bool TakesString(string typeName, System.Collections.Generic.Dictionary<string, TypeDecl> types) =>
        typeName == "string"
        || (types.TryGetValue(typeName, out var type)
            && (type.Kind == TypeDeclKind.Enum
                || (type.Kind == TypeDeclKind.Union && type.Variants.Any(v => v.Type.Name == "string"))));

    private static PropertyDecl? Property(TypeDecl type, string jsonName) =>
        type.Kind == TypeDeclKind.Object ? type.Properties.FirstOrDefault(p => p.JsonName == jsonName) : null;

    private static string ItemOf(string listType) =>
        listType.Substring(ListPrefix.Length, listType.Length - ListPrefix.Length - 1);
}
