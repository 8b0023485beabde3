namespace Together.Generated;

/// <summary>
/// What a response (or a stream chunk) says about the tokens a call used, without reflection: generated types
/// implement it explicitly when their schema has <c>usage.total_tokens</c>. Token budgets settle against it.
/// </summary>
public interface ITokenUsage
{
    /// <summary>Prompt plus completion tokens, when the response reports them; null otherwise.</summary>
    int? TotalTokens { get; }
}
