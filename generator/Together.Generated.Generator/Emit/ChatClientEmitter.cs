using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>TogetherChatClient</c>, a Microsoft.Extensions.AI <c>IChatClient</c> over the generated chat completions
/// methods, and its <c>AsChatClient</c> extension. The messages and options go to the request as JSON through the
/// runtime's <c>ChatRequestMapping</c>; the replies come back the same way: only the type names are emitted here.
/// </summary>
internal static class ChatClientEmitter
{
    private const string AI = "global::Microsoft.Extensions.AI.";
    private const string Mapping = "global::Together.Generated.AI.";
    private const string Json = "global::System.Text.Json.JsonSerializer.";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string Messages = "global::System.Collections.Generic.IEnumerable<" + AI + "ChatMessage>";

    public static string Emit(EmitContext context, GroupNames group, ChatAdapterShape shape)
    {
        var models = $"global::{context.ModelsNamespace}.";
        var call = $"_client.{group.Property}.{shape.MethodName}";
        var writer = new CodeWriter();
        writer.Line("/// <summary>");
        writer.Line($"/// An <see cref=\"{AI}IChatClient\"/> over <see cref=\"TogetherClient\"/>:");
        writer.Line($"/// each call goes through <see cref=\"{group.ClassName}.{shape.MethodName}Async\"/>");
        writer.Line("/// or its streaming form, so it waits for the same limiters and follows the same retry");
        writer.Line("/// policy; a stream holds its permits until its enumeration ends. Sends system, user and");
        writer.Line("/// assistant text with the options' model, temperature, top-p, maximum output tokens and");
        writer.Line("/// stop sequences; tools and non-text content are not supported.");
        writer.Line("/// </summary>");
        writer.Open($"public sealed class TogetherChatClient : {AI}IChatClient");
        writer.Line("private readonly TogetherClient _client;");
        writer.Line($"private readonly {AI}ChatClientMetadata _metadata;");
        writer.Line();
        writer.Line("/// <summary>Wraps <paramref name=\"client\"/>, which stays the caller's to dispose.</summary>");
        writer.Line("/// <param name=\"client\">The generated client whose limits every call keeps to.</param>");
        writer.Line("/// <param name=\"defaultModelId\">");
        writer.Line("/// The model for calls whose options name none; null means every call must name one.");
        writer.Line("/// </param>");
        writer.Open("public TogetherChatClient(TogetherClient client, string? defaultModelId)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.Line("_client = client;");
        writer.Line("DefaultModelId = defaultModelId;");
        writer.Line($"_metadata = new {AI}ChatClientMetadata({Mapping}TogetherAI.ProviderName, null, defaultModelId);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The model for calls whose options name none; may be null.</summary>");
        writer.Line("public string? DefaultModelId { get; }");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public async global::System.Threading.Tasks.Task<{AI}ChatResponse> GetResponseAsync(");
        writer.Line($"    {Messages} messages,");
        writer.Line($"    {AI}ChatOptions? options = null,");
        writer.Open($"    {Token} cancellationToken = default)");
        writer.Line("var request = CreateRequest(messages, options);");
        writer.Line($"var response = await {call}Async(request, cancellationToken).ConfigureAwait(false);");
        writer.Line($"var json = {Json}SerializeToElement(response, {context.JsonInfo(models + shape.ResponseType)});");
        writer.Line($"return {Mapping}ChatResponseMapping.FromWire(json, response);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public async global::System.Collections.Generic.IAsyncEnumerable<" +
            $"{AI}ChatResponseUpdate> GetStreamingResponseAsync(");
        writer.Line($"    {Messages} messages,");
        writer.Line($"    {AI}ChatOptions? options = null,");
        writer.Line("    [global::System.Runtime.CompilerServices.EnumeratorCancellation]");
        writer.Open($"    {Token} cancellationToken = default)");
        writer.Line("var request = CreateRequest(messages, options);");
        writer.Line($"var chunks = {call}StreamAsync(request, cancellationToken);");
        writer.Open("await foreach (var chunk in " +
            "global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(chunks, false))");
        writer.Line($"var json = {Json}SerializeToElement(chunk, {context.JsonInfo(models + shape.ChunkType)});");
        writer.Line($"yield return {Mapping}ChatResponseMapping.UpdateFromWire(json, chunk);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open("public object? GetService(global::System.Type serviceType, object? serviceKey = null)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(serviceType);");
        writer.Line("return serviceKey is not null ? null");
        writer.Line($"    : serviceType == typeof({AI}ChatClientMetadata) ? _metadata");
        writer.Line("    : serviceType == typeof(TogetherClient) ? _client");
        writer.Line("    : serviceType.IsInstanceOfType(this) ? this");
        writer.Line("    : null;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Does nothing: the <see cref=\"TogetherClient\"/> is the caller's.</summary>");
        writer.Open("public void Dispose()");
        writer.Close();
        writer.Line();
        writer.Line($"private {models}{shape.RequestType} CreateRequest(");
        writer.Line($"    {Messages} messages, {AI}ChatOptions? options)");
        writer.Line("{");
        writer.Indent(() =>
        {
            writer.Line($"var body = {Mapping}ChatRequestMapping.Write(messages, options, DefaultModelId);");
            writer.Line($"return {Json}Deserialize(body, {context.JsonInfo(models + shape.RequestType)})");
            writer.Line("    ?? throw new global::System.InvalidOperationException(" +
                "\"The chat request read as null.\");");
        });
        writer.Line("}");
        writer.Close();
        writer.Line();
        ExtensionsEmitter.Open(writer);
        writer.Line("/// <summary>");
        writer.Line($"/// An <see cref=\"{AI}IChatClient\"/> over <paramref name=\"client\"/>");
        writer.Line("/// that keeps to its limits.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"client\">");
        writer.Line("/// The generated client; disposing the chat client does not dispose it.");
        writer.Line("/// </param>");
        writer.Line("/// <param name=\"defaultModelId\">");
        writer.Line("/// The model for calls whose options name none. Default null: every call must name one.");
        writer.Line("/// </param>");
        writer.Line($"public static {AI}IChatClient AsChatClient(this TogetherClient client, " +
            "string? defaultModelId = null) =>");
        writer.Line("    new TogetherChatClient(client, defaultModelId);");
        writer.Close();
        return CodeWriter.Header(context.RootNamespace) + writer;
    }
}
