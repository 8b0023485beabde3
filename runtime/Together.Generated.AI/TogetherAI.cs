namespace Together.Generated.AI;

/// <summary>Names the adapters report in their Microsoft.Extensions.AI metadata.</summary>
public static class TogetherAI
{
    /// <summary>The provider name: <c>together</c>.</summary>
    public const string ProviderName = "together";
}
