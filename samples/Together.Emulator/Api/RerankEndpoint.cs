using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>POST /v1/rerank</c>: documents ordered by the share of the query's words they contain (ties keep request
/// order), so rankings are deterministic and roughly sensible.
/// </summary>
internal static class RerankEndpoint
{
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.RerankRequest, Shape, RespondAsync);

    private static CallShape Shape(RerankRequest request)
    {
        if ((CallShape.Require(request.Model, "model") ?? CallShape.Require(request.Query, "query")) is { } missing)
        {
            return missing;
        }

        var documents = Texts(request);
        return documents is null
            ? CallShape.Invalid("The 'documents' field must be a non-empty list of strings or objects.", "documents")
            : new CallShape(request.Model, Tokens(request.Query!, documents));
    }

    private static Task RespondAsync(HttpContext context, RerankRequest request, Call call)
    {
        var documents = Texts(request)!;
        var query = Words(request.Query!);
        var results = documents
            .Select((text, index) => (text, index, score: Score(query, Words(text))))
            .OrderByDescending(item => item.score)
            .ThenBy(item => item.index)
            .Take(request.TopN is > 0 ? request.TopN.Value : documents.Count)
            .Select(item => new RerankResult(
                item.index, item.score, request.ReturnDocuments == true ? new RerankDocument(item.text) : null))
            .ToList();
        var usage = Usage.Of(Tokens(request.Query!, documents), 0);
        var body = new RerankList("rerank", call.State.NextId("rerank-emu-"), request.Model!, results, usage);
        return JsonWire.WriteAsync(context, body, ApiJson.Default.RerankList);
    }

    private static int Tokens(string query, List<string> documents) =>
        FakeText.PromptTokens(query) + documents.Sum(FakeText.Tokens);

    private static double Score(HashSet<string> query, HashSet<string> document) =>
        query.Count == 0 ? 0 : Math.Round(query.Count(document.Contains) / (double)query.Count, 6);

    private static HashSet<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('.', ',', ';', ':', '!', '?', '"', '\'').ToLowerInvariant())
            .Where(word => word.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each document as text: strings as they are; objects as the string values of rank_fields (or all).
    /// </summary>
    private static List<string>? Texts(RerankRequest request)
    {
        if (request.Documents is not { ValueKind: JsonValueKind.Array } documents || documents.GetArrayLength() == 0)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var document in documents.EnumerateArray())
        {
            if (document.ValueKind == JsonValueKind.String)
            {
                texts.Add(document.GetString()!);
            }
            else if (document.ValueKind == JsonValueKind.Object)
            {
                var values = document.EnumerateObject()
                    .Where(field => request.RankFields is not { Count: > 0 } || request.RankFields.Contains(field.Name))
                    .Where(field => field.Value.ValueKind == JsonValueKind.String)
                    .Select(field => field.Value.GetString());
                texts.Add(string.Join(" ", values));
            }
            else
            {
                return null;
            }
        }

        return texts;
    }
}
