using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>POST /v1/embeddings</c>: one unit-length vector per input, derived from a SHA-256 of the text, so equal texts
/// get equal vectors in every run.
/// </summary>
internal static class EmbeddingsEndpoint
{
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.EmbeddingsRequest, Shape, RespondAsync);

    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var block = 0; block * 8 < dimensions; block++)
        {
            // 32 hash bytes give 8 components; further blocks hash the text with the block number.
            var hash = SHA256.HashData([.. bytes, .. BitConverter.GetBytes(block)]);
            for (var i = 0; i < 8 && block * 8 + i < dimensions; i++)
            {
                var raw = BitConverter.ToUInt32(hash, i * 4);
                vector[block * 8 + i] = (float)(raw / (double)uint.MaxValue * 2 - 1);
            }
        }

        var length = Math.Sqrt(vector.Sum(component => (double)component * component));
        return length == 0 ? vector : vector.Select(component => (float)(component / length)).ToArray();
    }

    private static CallShape Shape(EmbeddingsRequest request)
    {
        if (CallShape.Require(request.Model, "model") is { } missing)
        {
            return missing;
        }

        var inputs = Inputs(request.Input);
        return inputs is null
            ? CallShape.Invalid("The 'input' field must be a string or a non-empty list of strings.", "input")
            : new CallShape(request.Model, inputs.Sum(FakeText.PromptTokens));
    }

    private static Task RespondAsync(HttpContext context, EmbeddingsRequest request, Call call)
    {
        var dimensions = call.Options.EmbeddingDimensions;
        var data = Inputs(request.Input)!
            .Select((text, index) => new EmbeddingItem("embedding", index, Vector(text, dimensions)))
            .ToList();
        return JsonWire.WriteAsync(
            context, new EmbeddingList("list", request.Model!, data), ApiJson.Default.EmbeddingList);
    }

    private static List<string>? Inputs(JsonElement? input)
    {
        if (input is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return [element.GetString()!];
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0
            || element.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return element.EnumerateArray().Select(item => item.GetString()!).ToList();
    }
}
