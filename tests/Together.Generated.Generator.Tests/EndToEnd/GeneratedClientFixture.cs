using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.EndToEnd;

/// <summary>
/// A generated client, compiled once per spec and loaded, driven through reflection against a scripted handler.
/// </summary>
public sealed class GeneratedClientFixture
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Assemblies = new();

    private GeneratedClientFixture(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    public JsonSerializerOptions JsonOptions => (JsonSerializerOptions)GeneratedAssembly
        .Type(Assembly, "Together.Models.TogetherJson").GetProperty("Options")!.GetValue(null)!;

    /// <summary>The client generated from the repository's own spec, <c>spec/openapi.yaml</c>.</summary>
    public static GeneratedClientFixture OwnSpec() =>
        For(Path.Combine(SharedSpecs.RepositoryRoot, "spec", "openapi.yaml"));

    public static GeneratedClientFixture For(string specPath) =>
        new(Assemblies.GetOrAdd(specPath, p => new Lazy<Assembly>(() => Compile(p))).Value);

    public ClientHandle Create(HttpMessageHandler handler)
    {
        var options = new TogetherClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:5999/v1") };
        var type = GeneratedAssembly.Type(Assembly, "Together.TogetherClient");
        var client = Activator.CreateInstance(type, new HttpClient(handler), options)!;
        return new ClientHandle(this, type, client);
    }

    public object Model(string typeName, string json) =>
        JsonSerializer.Deserialize(json, GeneratedAssembly.Type(Assembly, "Together.Models." + typeName), JsonOptions)!;

    private static Assembly Compile(string specPath)
    {
        var limits = Path.Combine(SharedSpecs.RepositoryRoot, "spec", "together.limits.yaml");
        var result = GeneratorHarness.Run(new[]
        {
            (specPath, File.ReadAllText(specPath)),
            (limits, File.ReadAllText(limits)),
        });
        return GeneratedAssembly.Load(result.Output);
    }
}

/// <summary>
/// A created client: calls a group's method by name with the arguments given, then a cancellation token.
/// </summary>
public sealed class ClientHandle : IDisposable
{
    private readonly GeneratedClientFixture _fixture;
    private readonly Type _type;

    public ClientHandle(GeneratedClientFixture fixture, Type type, object client)
    {
        _fixture = fixture;
        _type = type;
        Client = client;
    }

    public object Client { get; }

    public object? Invoke(string group, string method, params object?[] arguments)
    {
        var api = _type.GetProperty(group)!.GetValue(Client)!;
        var target = api.GetType().GetMethods().Single(m => m.Name == method);
        var parameters = target.GetParameters();
        var values = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            values[i] = i < arguments.Length ? arguments[i]
                : parameters[i].ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : null;
        }

        return target.Invoke(api, values);
    }

    public async Task<object?> InvokeAsync(string group, string method, params object?[] arguments)
    {
        var task = (Task)Invoke(group, method, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    public void Dispose() => ((IDisposable)Client).Dispose();
}
