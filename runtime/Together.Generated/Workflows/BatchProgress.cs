namespace Together.Generated;

/// <summary>How far a batched run has got, reported after each batch ends (succeeded or failed).</summary>
/// <param name="CompletedInputs">Inputs whose batch succeeded.</param>
/// <param name="FailedInputs">Inputs whose batch failed.</param>
/// <param name="TotalInputs">All inputs of the run.</param>
/// <param name="CompletedBatches">Batches that succeeded.</param>
/// <param name="TotalBatches">All batches of the run.</param>
public readonly record struct BatchProgress(
    int CompletedInputs,
    int FailedInputs,
    int TotalInputs,
    int CompletedBatches,
    int TotalBatches);
