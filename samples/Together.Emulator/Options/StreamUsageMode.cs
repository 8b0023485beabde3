namespace Together.Emulator;

/// <summary>Where a streamed response reports token usage; Together does both, depending on the model.</summary>
public enum StreamUsageMode
{
    /// <summary>On the last content chunk, the one that carries <c>finish_reason</c>.</summary>
    OnFinishChunk,

    /// <summary>In an extra chunk after it, whose <c>choices</c> is empty.</summary>
    SeparateChunk,
}
