using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>GET /v1/models</c>: a fixed catalogue, as the bare JSON array Together returns (<c>ModelInfoList</c>), one
/// model of each type the spec's enum knows. <c>?dedicated=true</c> lists none, as the emulator has no dedicated
/// endpoints. Requests for other models are answered too: the emulator does not check model ids.
/// </summary>
internal static class ModelsEndpoint
{
    // 2024-06-01T00:00:00Z: a fixed date, so that the list is the same in every run.
    private const long Created = 1_717_200_000;

    public static readonly IReadOnlyList<ModelInfo> Catalogue =
    [
        Model("meta-llama/Llama-3.3-70B-Instruct-Turbo", "chat", "Llama 3.3 70B Instruct Turbo", "Meta", 131_072,
            0.88, 0.88),
        Model("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "chat", "Llama 3.1 8B Instruct Turbo", "Meta", 131_072,
            0.18, 0.18),
        Model("mistralai/Mixtral-8x7B-v0.1", "language", "Mixtral-8x7B v0.1", "mistralai", 32_768, 0.6, 0.6),
        Model("Qwen/Qwen2.5-Coder-32B-Instruct", "code", "Qwen 2.5 Coder 32B Instruct", "Qwen", 32_768, 0.8, 0.8),
        Model("black-forest-labs/FLUX.1-schnell", "image", "FLUX.1 [schnell]", "Black Forest Labs", null, 0, 0),
        Model("BAAI/bge-large-en-v1.5", "embedding", "BAAI-Bge-Large-1p5", "BAAI", 512, 0.02, 0),
        Model("BAAI/bge-base-en-v1.5", "embedding", "BAAI-Bge-Base-1p5", "BAAI", 512, 0.01, 0),
        Model("meta-llama/Llama-Guard-4-12B", "moderation", "Llama Guard 4 12B", "Meta", 1_048_576, 0.2, 0.2),
        Model("Salesforce/Llama-Rank-v1", "rerank", "Salesforce Llama Rank V1", "salesforce", 8_192, 0.1, 0.1),
    ];

    /// <summary>Whether <paramref name="model"/> is in the catalogue.</summary>
    public static bool IsKnown(string model) => Catalogue.Any(m => m.Id == model);

    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().PlainAsync(context, (c, _) =>
        {
            var dedicated = string.Equals(
                c.Request.Query["dedicated"], "true", System.StringComparison.OrdinalIgnoreCase);
            var models = dedicated ? new List<ModelInfo>() : Catalogue.ToList();
            return JsonWire.WriteAsync(c, models, ApiJson.Default.ListModelInfo);
        });

    private static ModelInfo Model(
        string id, string type, string name, string organization, int? context, double input, double output) =>
        new(id, "model", Created, type, name, organization, "other", context, new Pricing(0, input, output, 0, 0));
}
