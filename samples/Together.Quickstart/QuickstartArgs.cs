namespace Together.Quickstart;

/// <summary>The quickstart's command line.</summary>
/// <param name="Load">The load to run.</param>
/// <param name="EmbeddingModel">The embedding model of the tour.</param>
/// <param name="RequestsPerMinute">Overrides the chat budgets when set.</param>
/// <param name="EmulatorLimit">
/// Requests a second per model the self-started emulator allows; null means the default, 10.
/// </param>
/// <param name="LoadOnly">Skips the tour.</param>
public sealed record QuickstartArgs(
    LoadSettings Load, string EmbeddingModel, int? RequestsPerMinute, int? EmulatorLimit, bool LoadOnly);
