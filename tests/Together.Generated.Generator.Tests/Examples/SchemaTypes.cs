using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Finds the generated C# type that holds values of the schema at a pointer: the model declared there, else the
/// property, item or map value type of the schema around it. A branch of a oneOf/anyOf/allOf is held by the type of
/// the composition itself, so an example given for a branch is read through the union that must pick it; a pointer
/// that goes on into a branch (its items or properties) follows the union's branch that has them.
/// </summary>
public static class SchemaTypes
{
    public static Type? Find(GeneratedClient client, string schemaPath)
    {
        if (client.ModelAt(schemaPath) is { } model)
        {
            return model;
        }

        var (parent, last) = Split(schemaPath);
        if (parent is null)
        {
            return null;
        }

        var (grandparent, keyword) = Split(parent);
        if (grandparent is not null && keyword == "properties")
        {
            return Branches(Find(client, grandparent)).Select(o => PropertyType(o, Unescape(last)))
                .FirstOrDefault(t => t is not null);
        }

        if (grandparent is not null && keyword is "oneOf" or "anyOf" or "allOf")
        {
            return Find(client, grandparent);
        }

        return last switch
        {
            "items" => Branches(Find(client, parent))
                .Select(t => Argument(t, typeof(IList<>), 0)).FirstOrDefault(t => t is not null),
            "additionalProperties" => Branches(Find(client, parent))
                .Select(t => Argument(t, typeof(IDictionary<,>), 1)).FirstOrDefault(t => t is not null),
            _ => null,
        };
    }

    private static (string? Parent, string Last) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= "#/components/schemas".Length ? (null, path) : (path[..slash], path[(slash + 1)..]);
    }

    /// <summary>The type itself, or for a union the type of each branch.</summary>
    private static IEnumerable<Type> Branches(Type? type)
    {
        if (type is null)
        {
            return Array.Empty<Type>();
        }

        // A union has one constructor per branch, taking that branch's value.
        return IsUnion(type)
            ? type.GetConstructors().Select(c => c.GetParameters()[0].ParameterType)
            : new[] { type };
    }

    /// <summary>Whether <paramref name="type"/> is a generated union (a converter, the branch as Value).</summary>
    public static bool IsUnion(Type type) =>
        type.GetNestedType("WireConverter") is not null && type.GetProperty("Value")?.PropertyType == typeof(object);

    private static Type? PropertyType(Type owner, string jsonName)
    {
        var property = owner.GetProperties()
            .FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);
        return property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
    }

    private static Type? Argument(Type type, Type generic, int index) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[index] : null;

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
