namespace Together.Benchmarks.Generation;

/// <summary>The footnotes: how each column was measured, so a reader can judge the numbers in the tables.</summary>
public static class GenerationNotes
{
    public static readonly string[] Lines =
    {
        "- First generation: a new process per measurement (this harness started again), timed inside it around "
            + "the first generation, so JIT and first assembly loads are in; ours is one CSharpGeneratorDriver run "
            + "over an empty compilation with the spec and spec/together.limits.yaml as AdditionalFiles, NSwag is "
            + "OpenApiYamlDocument.FromFileAsync plus CSharpClientGenerator.GenerateFile (System.Text.Json settings). "
            + "Process start → output ready adds the process's own start-up (from the OS start time); for Kiota it "
            + "is the `kiota generate` process from start to exit, files written. Second generation: a new driver / "
            + "a new NSwag run in the same process, i.e. warm.",
        "- Compiles: the output compiled in memory (Roslyn, C# preview, net10.0 preprocessor symbols) against "
            + "Microsoft.NETCore.App only, plus the Together.Generated runtime and its dependencies for ours and "
            + "the Kiota 2.1.2 libraries (Abstractions, Http.HttpClientLibrary, Serialization.Json/Text/Form/"
            + "Multipart, the versions `kiota info -l CSharp` names) for Kiota; compiler errors counted, warnings not.",
        "- Operations covered: of the spec's (method, path) operations that are not websocket upgrades, how many "
            + "some generated method sends, path parameter names ignored. Ours: the [TogetherEndpoint(method, path)] "
            + "attribute on each endpoint method (endpoint methods counts those methods; a streaming and a "
            + "non-streaming method can share one operation). NSwag: each method that builds a request, its verb "
            + "from `new HttpMethod(\"X\")` and its path from the `urlBuilder_.Append` literals. Kiota: each "
            + "request builder's To{Verb}RequestInformation method (one per operation) with the builder's URL "
            + "template. Methods that send none of the counted operations are listed below (websocket upgrades, "
            + "which the denominator leaves out, show up there). Lines: every line of the generated .cs text, "
            + "blank and comment lines included.",
    };
}
