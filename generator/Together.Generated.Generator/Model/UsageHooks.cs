using System.Collections.Generic;
using System.Linq;

namespace Together.Generated.Generator.Model;

/// <summary>
/// Finds the object types whose schema has <c>usage.total_tokens</c> (responses and stream chunks), so the emitted
/// type implements <c>ITokenUsage</c> and token budgets settle against it without reflection. Maps each type's name
/// to the C# expression that reads the count as an <c>int?</c>.
/// </summary>
internal static class UsageHooks
{
    public static IReadOnlyDictionary<string, string> Find(SpecModel spec)
    {
        var types = spec.Types.ToDictionary(t => t.Name);
        var hooks = new Dictionary<string, string>();
        foreach (var type in spec.Types.Where(t => t.Kind == TypeDeclKind.Object))
        {
            var usage = type.Properties.FirstOrDefault(p => p.JsonName == "usage");
            if (usage is null || !types.TryGetValue(usage.Type.Name, out var usageType)
                || usageType.Kind != TypeDeclKind.Object)
            {
                continue;
            }

            var total = usageType.Properties.FirstOrDefault(p => p.JsonName == "total_tokens");
            var read = $"{usage.Name}?.{total?.Name}";
            hooks[type.Name] = total?.Type.Name switch
            {
                "int" => read,
                "long" => $"{read} is {{ }} tokens ? (int)global::System.Math.Min(tokens, int.MaxValue) : null",
                _ => string.Empty,
            };
        }

        return hooks.Where(h => h.Value.Length > 0).ToDictionary(h => h.Key, h => h.Value);
    }
}
