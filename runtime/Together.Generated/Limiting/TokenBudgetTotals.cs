namespace Together.Generated;

/// <summary>What one partition of a token budget has charged so far.</summary>
/// <param name="Reserved">Tokens reserved up front, before each call (estimates).</param>
/// <param name="Settled">Tokens the responses reported using: the budget's real spend.</param>
public sealed record TokenBudgetTotals(long Reserved, long Settled);
