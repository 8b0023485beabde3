using Together.Generated.Generator.Common;

namespace Together.Generated.Generator.Limits;

/// <summary>
/// What parsing a limits file gives. <see cref="Document"/> is null only when the file cannot be read at all
/// (TG100) or has an unsupported version (TG104); otherwise invalid values are reported and replaced by their
/// defaults, so the rest of the client still generates and the file's own errors are the ones shown.
/// </summary>
internal sealed record LimitsParseResult(LimitsDocument? Document, EquatableArray<DiagnosticInfo> Diagnostics);
