using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Reads JSON into a generated type with <c>TogetherJson.Options</c>, writes it back, and says how the result differs
/// from the input, or null when it is the same JSON.
/// </summary>
public static class JsonRoundTrip
{
    /// <summary>The difference after a round trip through <paramref name="type"/>, or null if none.</summary>
    public static string? Difference(GeneratedClient client, JsonNode? input, Type type)
    {
        object? model;
        JsonNode? output;
        try
        {
            model = input.Deserialize(type, client.Options);
            output = JsonSerializer.SerializeToNode(model, type, client.Options);
        }
        catch (Exception exception) when (
            exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            return $"{type.Name}: {exception.GetType().Name}: {exception.Message}";
        }

        var actual = Canonical(output?.DeepClone());
        var expected = Allow(client, Canonical(input?.DeepClone()), actual, model);
        return JsonNode.DeepEquals(expected, actual)
            ? null
            : $"{type.Name}: wrote {Text(actual)}\n  expected {Text(expected)}";
    }

    /// <summary>
    /// The allowances besides numbers compared by value, each where the model says the difference is harmless:
    /// <list type="bullet">
    /// <item>a property the input sets to null may be left out when the spec marks it optional: absent and null
    /// mean the same to the server, and the model writes neither. A required one must come back (as null), and a
    /// property the model does not know is never excused;</item>
    /// <item>a date-time is compared by value: <c>Z</c> comes back as <c>+00:00</c>, the same instant and offset
    /// (RFC 3339 allows both).</item>
    /// </list>
    /// Walks the model alongside the JSON, through union branches, lists and maps; returns the input to compare.
    /// </summary>
    private static JsonNode? Allow(GeneratedClient client, JsonNode? input, JsonNode? output, object? model)
    {
        if (model is null || input is null || output is null)
        {
            return input;
        }

        var type = model.GetType();
        if (model is DateTimeOffset time)
        {
            return input.GetValueKind() == JsonValueKind.String &&
                DateTimeOffset.TryParse(input.GetValue<string>(), CultureInfo.InvariantCulture, out var read) &&
                read.EqualsExact(time)
                    ? output.DeepClone()
                    : input;
        }

        if (SchemaTypes.IsUnion(type))
        {
            return Allow(client, input, output, type.GetProperty("Value")!.GetValue(model));
        }

        if (model is IDictionary map && input is JsonObject inputMap && output is JsonObject outputMap)
        {
            foreach (DictionaryEntry entry in map)
            {
                var key = (string)entry.Key;
                var allowed = Allow(client, inputMap[key], outputMap[key], entry.Value);
                Replace(inputMap[key], allowed, n => inputMap[key] = n);
            }
        }
        else if (model is IList list && input is JsonArray inputItems && output is JsonArray outputItems)
        {
            for (var i = 0; i < Math.Min(list.Count, Math.Min(inputItems.Count, outputItems.Count)); i++)
            {
                var index = i;
                var allowed = Allow(client, inputItems[i], outputItems[i], list[i]);
                Replace(inputItems[i], allowed, n => inputItems[index] = n);
            }
        }
        else if (input is JsonObject inputObject && output is JsonObject outputObject &&
                 client.Spec.Types.FirstOrDefault(t => t.Name == type.Name) is { } decl)
        {
            foreach (var (name, value) in inputObject.ToList())
            {
                var property = decl.Properties.FirstOrDefault(p => p.JsonName == name);
                if (value is null && !outputObject.ContainsKey(name) && property is { Required: false })
                {
                    inputObject.Remove(name);
                }
                else if (property is not null && Clr(type, name) is { } clr)
                {
                    var allowed = Allow(client, value, outputObject[name], clr.GetValue(model));
                    Replace(value, allowed, n => inputObject[name] = n);
                }
            }
        }

        return input;
    }

    private static void Replace(JsonNode? old, JsonNode? replacement, Action<JsonNode?> set)
    {
        if (!ReferenceEquals(old, replacement))
        {
            set(replacement);
        }
    }

    private static PropertyInfo? Clr(Type type, string jsonName) =>
        type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);

    /// <summary>Numbers compared by value: <c>1</c>, <c>1.0</c> and <c>1e0</c> all read as <c>1</c>.</summary>
    private static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (Canonical(value) is var canonical && !ReferenceEquals(canonical, value))
                    {
                        obj[key] = canonical;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Canonical(array[i]) is var canonical && !ReferenceEquals(canonical, array[i]))
                    {
                        array[i] = canonical;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var text = value.ToJsonString();
                var number = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                    ? (exact / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                    : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
                        .ToString("R", CultureInfo.InvariantCulture);
                return JsonNode.Parse(number);
            default:
                return node;
        }
    }

    private static string Text(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length > 400 ? json[..400] + "..." : json;
    }
}
