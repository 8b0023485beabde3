namespace Together.Generated.Generator.Emit;

/// <summary>
/// Opens the partial class holding the Microsoft.Extensions.AI <c>As...</c> extensions; each adapter's file adds its
/// own method, so a spec with only one of the shapes still gets a documented class.
/// </summary>
internal static class ExtensionsEmitter
{
    public static void Open(CodeWriter writer)
    {
        writer.Line("/// <summary>Microsoft.Extensions.AI views of <see cref=\"TogetherClient\"/>.</summary>");
        writer.Open("public static partial class TogetherAIExtensions");
    }
}
