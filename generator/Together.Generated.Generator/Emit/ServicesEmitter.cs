namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>AddTogetherClient</c>, the dependency-injection entry point: it hands the runtime the generated client's
/// constructor and compiled limits, which the runtime cannot name itself.
/// </summary>
internal static class ServicesEmitter
{
    private const string Options = "global::Together.Generated.TogetherClientOptions";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";

    public static string Emit(EmitContext context)
    {
        var writer = new CodeWriter();
        writer.Doc("summary", "Registers <see cref=\"TogetherClient\"/> with dependency injection.");
        writer.Open("public static partial class TogetherServiceCollectionExtensions");
        writer.Line("/// <summary>");
        writer.Line("/// Registers <see cref=\"TogetherClient\"/> as a singleton over <c>IHttpClientFactory</c>, " +
            "with options read from");
        writer.Line("/// the configuration section <paramref name=\"section\"/> (<c>ApiKey</c>, <c>BaseUrl</c>, " +
            "timeouts, <c>Limiters</c>),");
        writer.Line("/// then from <paramref name=\"configure\"/>, and validated when the host starts. " +
            "<c>TOGETHER_API_KEY</c> and");
        writer.Line("/// <c>TOGETHER_BASE_URL</c> apply when the configuration does not set them.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configure\">Changes applied after the configuration; default none.</param>");
        writer.Line("/// <param name=\"section\">The configuration section; default <c>Together</c>.</param>");
        writer.Line("/// <returns>The builder of the named HTTP client underneath, to add handlers.</returns>");
        writer.Open($"public static {Builder} AddTogetherClient(this {Services} services, " +
            $"global::System.Action<{Options}>? configure = null, " +
            "string section = global::Together.Generated.TogetherServices.DefaultSection)");
        writer.Line("return global::Together.Generated.TogetherServices.AddTogetherClient<TogetherClient>(");
        writer.Line("    services,");
        writer.Line("    static (http, options) => new TogetherClient(http, options),");
        writer.Line($"    global::{context.RootNamespace}.TogetherLimitsDefaults.Create,");
        writer.Line("    configure,");
        writer.Line("    section);");
        writer.Close();
        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }
}
