namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>TogetherJson</c>, the one place the generated client gets its serialization settings from.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new CodeWriter();
        writer.Line("/// <summary>The JSON settings of the generated client.</summary>");
        writer.Open("public static partial class TogetherJson");
        writer.Line("/// <summary>");
        writer.Line("/// The options every generated call serializes with: " +
            "web defaults (camelCase is overridden by each");
        writer.Line("/// property's exact wire name) over <see cref=\"TogetherJsonMetadata\"/>, " +
            "the metadata generated for");
        writer.Line("/// every model: no reflection, so the client works trimmed and under native AOT.");
        writer.Line("/// </summary>");
        writer.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = CreateOptions();");
        writer.Line();
        writer.Line("/// <summary>The metadata for <typeparamref name=\"T\"/> " +
            "under <see cref=\"Options\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.NotSupportedException\">" +
            "<typeparamref name=\"T\"/> is not a type the client reads or writes.</exception>");
        writer.Line("public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() =>");
        writer.Line("    Cache<T>.Info ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)" +
            "Options.GetTypeInfo(typeof(T));");
        writer.Line();
        writer.Line("// Looked up once per type, not on every call through the options' own dictionary; " +
            "filled on first");
        writer.Line("// use rather than by a type initializer, so an unknown type fails with the options' own");
        writer.Line("// NotSupportedException (naming it) instead of a TypeInitializationException.");
        writer.Open("private static class Cache<T>");
        writer.Line("public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>? Info;");
        writer.Close();
        writer.Line();
        writer.Open("private static global::System.Text.Json.JsonSerializerOptions CreateOptions()");
        writer.Line("var options = new global::System.Text.Json.JsonSerializerOptions(" +
            "global::System.Text.Json.JsonSerializerDefaults.Web)");
        writer.Line("{");
        writer.Line("    TypeInfoResolver = TogetherJsonMetadata.Instance,");
        writer.Line("};");
        writer.Line("options.MakeReadOnly();");
        writer.Line("return options;");
        writer.Close();
        writer.Close();
        return CodeWriter.Header(context.ModelsNamespace) + writer;
    }
}
