using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Together.Generated.Serialization;

/// <summary>
/// Builds the serialization metadata the generator emits for each model, so that a generated client reads and
/// writes JSON without reflection (and so works trimmed and under native AOT). System.Text.Json's own source
/// generator cannot see types another generator emits; these helpers keep the emitted code to one line a
/// property. Called by generated code; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonMetadata
{
    /// <summary>The metadata of a type read and written by <paramref name="converter"/>.</summary>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>The metadata of <c>T?</c> for a value type, reading and writing null itself.</summary>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options)
        where T : struct =>
        JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter(Info<T>(options)));

    /// <summary>The metadata of a list; an interface-typed list is read into a <see cref="List{T}"/>.</summary>
    public static JsonTypeInfo<IList<T>> List<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateIListInfo<IList<T>, T>(options, new JsonCollectionInfoValues<IList<T>>
        {
            ObjectCreator = static () => new List<T>(),
        });

    /// <summary>The metadata of a string-keyed map, read into a <see cref="Dictionary{TKey, TValue}"/>.</summary>
    public static JsonTypeInfo<IDictionary<string, T>> Map<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateIDictionaryInfo<IDictionary<string, T>, string, T>(options,
            new JsonCollectionInfoValues<IDictionary<string, T>>
            {
                ObjectCreator = static () => new Dictionary<string, T>(StringComparer.Ordinal),
            });

    /// <summary>
    /// The metadata of an object made by <paramref name="create"/> with the properties
    /// <paramref name="properties"/> lists (built lazily, when the type is first used).
    /// </summary>
    public static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, Func<T> create,
        Func<JsonSerializerOptions, JsonPropertyInfo[]> properties)
        where T : notnull =>
        JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(options),
        });

    /// <summary>
    /// One public read-write property of <paramref name="owner"/>, written as <paramref name="jsonName"/>.
    /// </summary>
    /// <param name="options">The options the metadata belongs to.</param>
    /// <param name="owner">The type declaring the property.</param>
    /// <param name="name">The C# property name (for error messages).</param>
    /// <param name="jsonName">The wire name.</param>
    /// <param name="get">Reads the property from an instance of <paramref name="owner"/>.</param>
    /// <param name="set">Writes the property of an instance of <paramref name="owner"/>.</param>
    /// <param name="skipNull">Whether a null value is left out when writing (an optional property).</param>
    public static JsonPropertyInfo Property<T>(JsonSerializerOptions options, Type owner, string name,
        string jsonName, Func<object, T?> get, Action<object, T?> set, bool skipNull) =>
        CreateProperty(options, owner, name, jsonName, get, set,
            skipNull ? JsonIgnoreCondition.WhenWritingNull : null, extensionData: false);

    /// <summary>
    /// The property of <paramref name="owner"/> that keeps the members the spec does not name, so that they
    /// survive a round trip.
    /// </summary>
    public static JsonPropertyInfo ExtensionData(JsonSerializerOptions options, Type owner, string name,
        Func<object, IDictionary<string, JsonElement>?> get, Action<object, IDictionary<string, JsonElement>?> set) =>
        CreateProperty(options, owner, name, jsonName: null, get, set, ignore: null, extensionData: true);

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">The options' resolver does not know the type.</exception>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary><paramref name="value"/> as JSON text, with its metadata under <paramref name="options"/>.</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, Info<T>(options));

    /// <summary>Writes <paramref name="value"/> with its metadata under <paramref name="options"/>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Info<T>(options));

    private static JsonPropertyInfo CreateProperty<T>(JsonSerializerOptions options, Type owner, string name,
        string? jsonName, Func<object, T?> get, Action<object, T?> set, JsonIgnoreCondition? ignore,
        bool extensionData) =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = owner,
            PropertyName = name,
            JsonPropertyName = jsonName,
            Getter = get,
            Setter = set,
            IgnoreCondition = ignore,
            IsExtensionData = extensionData,
        });
}
