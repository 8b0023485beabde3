namespace Together.Generated;

/// <summary>
/// What a request body tells the limiters, without reflection: generated request types implement it
/// explicitly when their schema has <c>model</c>, <c>max_tokens</c>, <c>n</c> or <c>stream</c>.
/// </summary>
public interface ILimitedRequest
{
    /// <summary>The model the call runs on, for per-model partitions and fallback; null when absent.</summary>
    string? Model { get; }

    /// <summary>
    /// The most tokens the call may generate (<c>max_tokens</c>), for token budgets; null when absent.
    /// </summary>
    int? MaxTokens { get; }

    /// <summary>How many choices are requested (<c>n</c>); null when absent, meaning one.</summary>
    int? Choices { get; }

    /// <summary>Whether the call streams its response.</summary>
    bool Streams { get; }

}
