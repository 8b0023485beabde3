using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Together.Generated.Generator.Model;
using Together.Generated.Generator.Reading;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// The client generated from one shared spec, compiled and loaded into a collectible context, with the spec's
/// model for mapping schema pointers to generated types. Built once per spec for the whole test run.
/// </summary>
public sealed class GeneratedClient
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratedClient>> Clients = new();

    private GeneratedClient(string specFile, string? extraSource)
    {
        var specPath = SharedSpecs.PathOf(specFile);
        var limitsPath = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml");
        var specText = File.ReadAllText(specPath);
        Spec = SpecReader.Read(specPath, specText);

        var result = GeneratorHarness.Run(new[] { (specPath, specText), (limitsPath, File.ReadAllText(limitsPath)) },
            extraSource is null ? null : new[] { extraSource });
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated client for " + specFile + " does not compile: " +
                string.Join("\n", emitted.Diagnostics.Take(20)));
        }

        image.Position = 0;
        Assembly = new ClientLoadContext(specFile).LoadFromStream(image);
        Options = (JsonSerializerOptions)Assembly.GetType("Together.Models.TogetherJson", throwOnError: true)!
            .GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!
            .GetValue(null)!;
    }

    internal SpecModel Spec { get; }

    public Assembly Assembly { get; }

    /// <summary>The generated <c>TogetherJson.Options</c>.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The client for <paramref name="specFile"/>, compiled with <paramref name="extraSource"/>.</summary>
    public static GeneratedClient For(string specFile, string? extraSource = null) =>
        Clients.GetOrAdd(specFile + "\n" + extraSource,
            _ => new Lazy<GeneratedClient>(() => new GeneratedClient(specFile, extraSource))).Value;

    /// <summary>The generated model named <paramref name="name"/> in <c>Together.Models</c>.</summary>
    public Type Model(string name) =>
        Assembly.GetType("Together.Models." + name, throwOnError: true)!;

    /// <summary>The generated model declared for the schema at <paramref name="schemaPath"/>, if any.</summary>
    public Type? ModelAt(string schemaPath) =>
        Spec.Types.FirstOrDefault(t => t.SchemaPath == schemaPath) is { } decl ? Model(decl.Name) : null;

    /// <summary>Resolves the runtime library to the copy the tests already loaded, so its types are shared.</summary>
    private sealed class ClientLoadContext : AssemblyLoadContext
    {
        private static readonly Assembly Runtime = typeof(global::Together.Generated.EndpointDescriptor).Assembly;

        public ClientLoadContext(string name)
            : base("generated-" + name, isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
