using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>Adds every generated file of one client to the compilation.</summary>
internal static class ClientSources
{
    public static void Add(SourceProductionContext output, SpecModel spec, LimitsDocument limits, string? limitsPath,
        string @namespace, bool aiReferenced)
    {
        var keys = spec.Operations
            .Select(o => new OperationKey(o.Method, o.Path, o.OperationId, o.Tags))
            .ToList();
        var policies = keys.Select(k => LimitsResolver.Resolve(limits, k)).ToList();
        if (limitsPath is not null)
        {
            foreach (var diagnostic in LimitsResolver.FindUnmatchedRules(limits, limitsPath, keys))
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }

        var context = new EmitContext(@namespace, spec, policies);
        var usage = UsageHooks.Find(spec);
        foreach (var type in spec.Types)
        {
            var source = type.Kind switch
            {
                TypeDeclKind.Enum => EnumEmitter.Emit(type, context.ModelsNamespace),
                TypeDeclKind.Union => UnionEmitter.Emit(type, context.ModelsNamespace),
                _ => ObjectEmitter.Emit(
                    type, context.ModelsNamespace, usage.TryGetValue(type.Name, out var tokens) ? tokens : null),
            };
            AddSource(output, "Models." + type.Name, source);
        }

        AddSource(output, "TogetherJson", JsonEmitter.Emit(context));
        AddSource(output, "TogetherJsonMetadata", JsonMetadataEmitter.Emit(context));
        AddSource(output, "TogetherEndpoints", EndpointsEmitter.Emit(context));
        AddSource(output, "TogetherLimitsDefaults", LimitsEmitter.Emit(limits, @namespace));
        AddSource(output, "TogetherClient", ClientEmitter.Emit(context));
        AddSource(output, "TogetherServiceCollectionExtensions", ServicesEmitter.Emit(context));
        foreach (var group in context.Groups)
        {
            AddSource(output, group.ClassName, GroupEmitter.Emit(context, group));
        }

        var batchApi = BatchApiShape.Find(spec);
        var batchesGroup = context.Groups.FirstOrDefault(g => g.Group == batchApi?.BatchesGroup);
        var filesGroup = context.Groups.FirstOrDefault(g => g.Group == batchApi?.FilesGroup);
        if (batchApi is not null && batchesGroup is not null && filesGroup is not null)
        {
            AddSource(output, batchesGroup.ClassName + ".RunBatch",
                BatchApiEmitter.Emit(context, batchesGroup, filesGroup, batchApi));
        }

        var embeddings = EmbeddingBatchShape.Find(spec);
        var embeddingsGroup = context.Groups.FirstOrDefault(g => g.Group == embeddings?.Group);
        if (embeddings is not null && embeddingsGroup is not null)
        {
            AddSource(output, embeddingsGroup.ClassName + ".EmbedMany",
                EmbeddingBatchEmitter.Emit(context, embeddingsGroup, embeddings));
        }

        if (aiReferenced)
        {
            AddAdapters(output, context, embeddings is not null && embeddingsGroup is not null
                && EmbeddingGeneratorEmitter.Converts(embeddings) ? embeddingsGroup : null);
        }
    }

    // The Microsoft.Extensions.AI adapters, each only where the spec has its shape: a missing shape emits nothing
    // rather than an adapter that would not compile.
    private static void AddAdapters(SourceProductionContext output, EmitContext context, GroupNames? embeddingsGroup)
    {
        var chat = ChatAdapterShape.Find(context.Spec);
        var chatGroup = context.Groups.FirstOrDefault(g => g.Group == chat?.Group);
        if (chat is not null && chatGroup is not null)
        {
            AddSource(output, "TogetherChatClient", ChatClientEmitter.Emit(context, chatGroup, chat));
        }

        if (embeddingsGroup is not null)
        {
            AddSource(output, "TogetherEmbeddingGenerator", EmbeddingGeneratorEmitter.Emit(context, embeddingsGroup));
        }
    }

    private static void AddSource(SourceProductionContext output, string name, string source) =>
        output.AddSource(name + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
}
