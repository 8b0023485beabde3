namespace Together.Emulator;

/// <summary>
/// What the pipeline needs to know of a parsed request before answering it: the model it names (the rate-limit
/// scope; requests without one are scoped by endpoint path), the tokens it costs (prompt plus completion, for the
/// token limit), whether it streams (stream faults only hit streams), and why it is invalid, if it is.
/// </summary>
internal sealed record CallShape(
    string? Model,
    long Tokens = 0,
    bool Stream = false,
    string? Problem = null,
    string? Param = null)
{
    public static readonly CallShape None = new(Model: null);

    public static CallShape Invalid(string problem, string? param = null) => new(null, Problem: problem, Param: param);

    /// <summary>The usual check of a required string field.</summary>
    public static CallShape? Require(string? value, string param) =>
        string.IsNullOrWhiteSpace(value) ? Invalid($"The '{param}' field is required.", param) : null;
}

/// <summary>What a handler gets besides its request: the state, and a stream fault to act on while streaming.</summary>
internal sealed record Call(EmulatorState State, FaultRule? StreamFault)
{
    public EmulatorOptions Options => State.Current;
}
