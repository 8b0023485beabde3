using System.Collections.Generic;
using System.Linq;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// What every emitter of one client needs: the namespaces, the spec's types and each operation's policy.
/// </summary>
internal sealed class EmitContext
{
    public EmitContext(string rootNamespace, SpecModel spec, IReadOnlyList<EndpointPolicy> policies)
    {
        RootNamespace = rootNamespace;
        ModelsNamespace = rootNamespace + ".Models";
        Spec = spec;
        Policies = policies;
        Types = spec.Types.ToDictionary(t => t.Name);
        var taken = new HashSet<string>(Types.Keys);
        Groups = spec.Operations
            .Select(o => o.Group)
            .Distinct()
            .Select(g => new GroupNames(g, PropertyName(g), Unique(g + "Api", g + "Operations", taken)))
            .ToList();
    }

    public string RootNamespace { get; }

    public string ModelsNamespace { get; }

    public SpecModel Spec { get; }

    /// <summary>
    /// The limits file's decision for each operation, in the order of <see cref="SpecModel.Operations"/>.
    /// </summary>
    public IReadOnlyList<EndpointPolicy> Policies { get; }

    public IReadOnlyDictionary<string, TypeDecl> Types { get; }

    public IReadOnlyList<GroupNames> Groups { get; }

    public string JsonInfo(string typeName) => $"global::{ModelsNamespace}.TogetherJson.TypeInfo<{typeName}>()";

    private static string PropertyName(string group) =>
        group is "Core" or "Limits" or "Dispose" or "Equals" or "GetHashCode" or "ToString" or "GetType"
            or "TogetherClient"
            ? group + "Api"
            : group;

    private static string Unique(string preferred, string alternative, HashSet<string> taken) =>
        taken.Add(preferred) ? preferred : Naming.Unique(alternative, taken);
}

/// <summary>A tag group: the spec's group name, the client property and the class holding its methods.</summary>
internal sealed record GroupNames(string Group, string Property, string ClassName);
