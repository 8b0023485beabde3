using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Together.Generated.Generator.Model;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// The generated client serializes through the metadata it emits (<c>TogetherJsonMetadata</c>), never through
/// reflection, and that metadata reads every generated type as the model's own attributes say. This project runs
/// with reflection-based System.Text.Json switched off, as a trimmed or native-AOT app does.
/// </summary>
public sealed class EmittedMetadataTests
{
    public static TheoryData<string> Versions() => new(SharedSpecs.Versions.Select(v => v.File));

    [Fact]
    public void Options_NewestSpec_ResolveOnlyTheEmittedMetadata()
    {
        var client = GeneratedClient.For(SharedSpecs.Newest);

        Assert.Equal("Together.Models.TogetherJsonMetadata", client.Options.TypeInfoResolver?.GetType().FullName);
        // A type the generator did not emit has no metadata: no silent fallback to reflection.
        var refused = Assert.Throws<NotSupportedException>(() => client.Options.GetTypeInfo(typeof(NotGenerated)));
        Assert.Contains(nameof(NotGenerated), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeInfo_TypeNotGenerated_ThrowsNotSupportedNamingItEveryTime()
    {
        var client = GeneratedClient.For(SharedSpecs.Newest);
        var typeInfo = client.Assembly.GetType("Together.Models.TogetherJson", throwOnError: true)!
            .GetMethod("TypeInfo")!.MakeGenericMethod(typeof(NotGenerated));

        // Twice: a failed lookup must not leave the type's cache broken or change the error.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var thrown = Assert.Throws<TargetInvocationException>(() => typeInfo.Invoke(null, null));
            var refused = Assert.IsType<NotSupportedException>(thrown.InnerException);
            Assert.Contains(nameof(NotGenerated), refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void GetTypeInfo_EveryGeneratedType_AgreesWithReflectionOverTheModelsAttributes(string file)
    {
        var client = GeneratedClient.For(file);
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };

        var disagreements = client.Spec.Types
            .Select(decl => Disagreement(client, reflection, decl))
            .Where(d => d is not null)
            .ToList();

        Assert.True(client.Spec.Types.Count > 50, $"{file} generated only {client.Spec.Types.Count} types");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static string? Disagreement(GeneratedClient client, JsonSerializerOptions reflection, TypeDecl decl)
    {
        var type = client.Model(decl.Name);
        var emitted = client.Options.GetTypeInfo(type);
        var expected = reflection.GetTypeInfo(type);
        if (emitted.Kind != expected.Kind)
        {
            return $"{decl.Name}: kind {emitted.Kind}, reflection says {expected.Kind}";
        }

        if (decl.Kind != TypeDeclKind.Object)
        {
            return emitted.Converter.GetType() == expected.Converter.GetType()
                ? null
                : $"{decl.Name}: converter {emitted.Converter.GetType().Name}";
        }

        var emittedProperties = string.Join(", ", emitted.Properties.Select(Describe));
        // Reflection lists a JsonIgnore'd file too (never written); the emitted metadata leaves it out.
        var expectedProperties = string.Join(", ", expected.Properties
            .Where(p => p.PropertyType != typeof(global::Together.Generated.FileUpload))
            .Select(Describe));
        if (emittedProperties != expectedProperties)
        {
            return $"{decl.Name}: properties {emittedProperties}\n  reflection {expectedProperties}";
        }

        // Written from a fresh instance: required properties as null, optional ones left out, constants set.
        var instance = emitted.CreateObject!();
        var written = Write(instance, emitted);
        var reflected = Write(instance, expected);
        return written == reflected ? null : $"{decl.Name}: wrote {written}\n  reflection {reflected}";
    }

    // A fresh instance can hold what no JSON can say (a default JsonElement): both must then fail alike.
    private static string Write(object instance, JsonTypeInfo info)
    {
        try
        {
            return JsonSerializer.Serialize(instance, info);
        }
        catch (InvalidOperationException exception)
        {
            return exception.GetType().Name;
        }
    }

    private static string Describe(JsonPropertyInfo property) =>
        $"{property.Name}:{property.PropertyType.Name}{(property.IsExtensionData ? " (extension data)" : "")}";

    private sealed class NotGenerated
    {
        public string? Name { get; set; }
    }
}
