namespace Together.Benchmarks.Generation;

/// <summary>
/// What one generator produced from one spec, as measured. A child process prints it as JSON, so every field is a
/// plain value; a null number means "not measured" and <see cref="Failure"/> or <see cref="Note"/> says why.
/// </summary>
public sealed record GenerationOutcome
{
    public required string Generator { get; init; }

    public required string Spec { get; init; }

    /// <summary>Set when the generator itself failed: its exception type and message, as it reported them.</summary>
    public string? Failure { get; init; }

    /// <summary>The first generation in a fresh process, timed inside it (JIT and first loads included).</summary>
    public double? FirstRunMs { get; init; }

    /// <summary>A second generation in the same process, for how much of the first run was warm-up.</summary>
    public double? SecondRunMs { get; init; }

    /// <summary>From the process's start (as the OS records it) until the first generation's output was ready.
    /// </summary>
    public double? ProcessToOutputMs { get; init; }

    public int? Files { get; init; }

    public int? Lines { get; init; }

    /// <summary>Compiler errors in the output compiled with the references it needs; null when not compiled.</summary>
    public int? CompileErrors { get; init; }

    public string? FirstCompileError { get; init; }

    /// <summary>Compiler errors per code ("CS0246 ×4, ..."), to tell one repeated flaw from many.</summary>
    public string? CompileErrorCodes { get; init; }

    /// <summary>Methods in the output that send a request (however they map to the spec).</summary>
    public int? OperationMethods { get; init; }

    /// <summary>The spec's non-websocket (method, path) operations that some such method sends.</summary>
    public int? OperationsCovered { get; init; }

    /// <summary>Operation methods whose (METHOD, path) is none of the counted operations, as "GET /path".</summary>
    public string? Unmatched { get; init; }

    public required int SpecOperations { get; init; }

    public string? Note { get; init; }
}
