namespace Together.Generated;

/// <summary>What an error body says, whichever of Together's shapes it came in; every field may be null.</summary>
internal sealed record ErrorDetails(string? Message, string? Type, string? Code, string? Param)
{
    public static ErrorDetails None { get; } = new(null, null, null, null);
}
