using System;
using System.Collections.Generic;
using System.Linq;

namespace Together.Emulator;

/// <summary>
/// The active fault rules, how often each has fired, and the seeded random source that decides hits, so that the
/// same requests in the same order meet the same faults. Not thread-safe: <see cref="EmulatorState"/> locks.
/// </summary>
internal sealed class FaultBook
{
    private readonly List<(FaultRule Rule, int Fired)> rules = new();
    private Random random;

    public FaultBook(int seed, IEnumerable<FaultRule> initial)
    {
        random = new Random(seed);
        Add(initial);
    }

    public IReadOnlyList<FaultRule> Rules => rules.Select(entry => entry.Rule.Clone()).ToList();

    public void Add(IEnumerable<FaultRule> added)
    {
        foreach (var rule in added)
        {
            rule.Validate();
            rules.Add((rule.Clone(), 0));
        }
    }

    public void Clear() => rules.Clear();

    /// <summary>Starts the random sequence and the fire counts afresh.</summary>
    public void Reset(int seed)
    {
        random = new Random(seed);
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i] = (rules[i].Rule, 0);
        }
    }

    public FaultRule? Pick(string endpoint, string path, string? model, bool stream)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, fired) = rules[i];
            if ((rule.MaxCount is { } max && fired >= max) || !rule.Matches(endpoint, path, model, stream))
            {
                continue;
            }

            // A sure or impossible rule draws nothing, so adding one does not shift the others' sequence.
            var hit = rule.Rate >= 1 || (rule.Rate > 0 && random.NextDouble() < rule.Rate);
            if (hit)
            {
                rules[i] = (rule, fired + 1);
                return rule;
            }
        }

        return null;
    }
}
