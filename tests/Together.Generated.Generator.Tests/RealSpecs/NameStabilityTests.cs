using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.RealSpecs;

/// <summary>
/// Code written against one spec version's client keeps compiling against the next wherever an operation still
/// exists: the operation keeps its class and method name.
/// </summary>
public sealed class NameStabilityTests
{
    [Fact]
    public void ConsecutiveSpecVersions_SharedOperations_KeepClassAndMethodNames()
    {
        var names = SharedSpecs.Versions.Select(v => MethodNames(SharedSpecs.PathOf(v.File))).ToList();
        var compared = 0;

        for (var i = 1; i < names.Count; i++)
        {
            foreach (var (operation, name) in names[i - 1])
            {
                if (names[i].TryGetValue(operation, out var next))
                {
                    Assert.True(name == next,
                        $"{operation} was {name} in {SharedSpecs.Versions[i - 1].File}, is {next}");
                    compared++;
                }
            }
        }

        // 16 + 31 + 46 + 95 operations carried from one version to the next.
        Assert.True(compared >= 180, $"only {compared} operations compared");
    }

    private static Dictionary<(string, string), string> MethodNames(string specPath)
    {
        var result = GeneratorHarness.Run(new[] { (specPath, File.ReadAllText(specPath)) });
        var names = new Dictionary<(string, string), string>();
        foreach (var method in EndpointAttributes.AllMethods(result.Output.Assembly.GlobalNamespace))
        {
            var endpoint = method.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.Name == "TogetherEndpointAttribute");
            if (endpoint is null || method.Name.EndsWith("StreamAsync", System.StringComparison.Ordinal))
            {
                continue;
            }

            var key = ((string)endpoint.ConstructorArguments[0].Value!,
                (string)endpoint.ConstructorArguments[1].Value!);
            names[key] = method.ContainingType.Name + "." + method.Name;
        }

        return names;
    }
}
