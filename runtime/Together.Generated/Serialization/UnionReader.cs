using System;
using System.Text.Json;

namespace Together.Generated.Serialization;

/// <summary>
/// Helpers the generated union converters call to pick a branch: by JSON token, by discriminator, by the
/// properties a branch requires, and finally by trying each branch in order.
/// </summary>
public static class UnionReader
{
    /// <summary>
    /// Whether <paramref name="element"/> is an object holding every one of <paramref name="names"/>.
    /// </summary>
    public static bool HasProperties(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The string value of property <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Discriminator(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// Deserializes <paramref name="element"/> as <typeparamref name="T"/>, or returns false if it does not fit.
    /// </summary>
    public static bool TryRead<T>(JsonElement element, JsonSerializerOptions options, out T value)
    {
        try
        {
            var result = element.Deserialize(JsonMetadata.Info<T>(options));
            if (result is not null)
            {
                value = result;
                return true;
            }
        }
        catch (JsonException)
        {
            // Not this branch; the caller tries the next one.
        }
        catch (InvalidOperationException)
        {
            // A nested converter refused the token kind; also "not this branch".
        }

        value = default!;
        return false;
    }

    /// <summary>Deserializes <paramref name="element"/> as <typeparamref name="T"/>, failing on null.</summary>
    public static T Read<T>(JsonElement element, JsonSerializerOptions options) =>
        element.Deserialize(JsonMetadata.Info<T>(options)) ??
        throw new JsonException($"A null value cannot be read as {typeof(T).Name}.");

    /// <summary>The exception thrown when no branch of a union fits the JSON.</summary>
    public static JsonException NoBranch(string unionName, JsonElement element) =>
        new($"The JSON {element.ValueKind} value does not match any branch of {unionName}.");
}
