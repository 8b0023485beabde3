using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

/// <summary>
/// Emits <c>RunBatchAsync</c> and <c>RunBatchFileAsync</c> beside the batch operations, and the
/// <c>IBatchApi</c> adapter they run on: every Batch API call goes through the generated methods, so each runs
/// under its endpoint's limiters and retry policy.
/// </summary>
internal static class BatchApiEmitter
{
    private const string Runtime = "global::Together.Generated.";
    private const string Tasks = "global::System.Threading.Tasks.";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(EmitContext context, GroupNames batches, GroupNames files, BatchApiShape shape)
    {
        var json = $"global::{context.ModelsNamespace}.TogetherJson";
        var w = new CodeWriter();
        w.Line($"using global::{context.ModelsNamespace};");
        w.Line();
        w.Open($"public sealed partial class {batches.ClassName}");
        w.Line("/// <summary>");
        w.Line("/// Runs typed requests as one Batch API job: writes them to a JSONL file, checks it against the");
        w.Line("/// limits file's batch limits before anything is uploaded, uploads it streamed, creates the batch,");
        w.Line("/// polls it with growing pauses, then returns every result by custom id.");
        w.Line("/// </summary>");
        w.Line("/// <typeparam name=\"TRequest\">The request type, e.g. <c>ChatCompletionRequest</c>.</typeparam>");
        w.Line("/// <typeparam name=\"TResponse\">The response type, e.g. <c>ChatCompletionResponse</c>.</typeparam>");
        w.Line("/// <param name=\"requests\">The requests, each with a custom id unique in the batch.</param>");
        w.Line("/// <param name=\"endpoint\">");
        w.Line("/// The endpoint every request goes to, e.g. <c>/v1/chat/completions</c>.");
        w.Line("/// </param>");
        w.Line("/// <param name=\"options\">Polling and the working folder; default null: the defaults.</param>");
        w.Line("/// <param name=\"progress\">Told the batch's state after each status check; may be null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops waiting; a batch already created keeps running.</param>");
        w.Line($"/// <exception cref=\"{Runtime}BatchLimitException\">");
        w.Line("/// The batch breaks a limit; nothing was uploaded.");
        w.Line("/// </exception>");
        w.Line($"public {Tasks}Task<{Runtime}BatchOutcome<TResponse>> RunBatchAsync<TRequest, TResponse>(");
        w.Line($"    global::System.Collections.Generic.IEnumerable<{Runtime}BatchItem<TRequest>> requests,");
        w.Line("    string endpoint,");
        w.Line($"    {Runtime}BatchOptions? options = null,");
        w.Line($"    global::System.IProgress<{Runtime}BatchState>? progress = null,");
        w.Line($"    {Token} cancellationToken = default) =>");
        w.Line($"    {Runtime}BatchJobRunner.RunAsync(");
        w.Line($"        new BatchApi(this, new {files.ClassName}(_core)), requests, {json}.TypeInfo<TRequest>(),");
        w.Line($"        {json}.TypeInfo<TResponse>(), endpoint, _core.Limits.Batches, _core.Time, options, progress,");
        w.Line("        cancellationToken);");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Runs an existing JSONL batch file: checks its size and requests against the limits file's batch");
        w.Line("/// limits, and the batches in flight, before uploading it streamed from disk; then as");
        w.Line("/// <see cref=\"RunBatchAsync{TRequest, TResponse}\"/>.");
        w.Line("/// </summary>");
        w.Line("/// <typeparam name=\"TResponse\">The response type.</typeparam>");
        w.Line("/// <param name=\"path\">The JSONL file.</param>");
        w.Line("/// <param name=\"endpoint\">The endpoint every request goes to.</param>");
        w.Line("/// <param name=\"options\">Polling; default null: the defaults.</param>");
        w.Line("/// <param name=\"progress\">Told the batch's state after each status check; may be null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops waiting; a batch already created keeps running.</param>");
        w.Line($"/// <exception cref=\"{Runtime}BatchLimitException\">");
        w.Line("/// The file breaks a limit; nothing was uploaded.");
        w.Line("/// </exception>");
        w.Line($"public {Tasks}Task<{Runtime}BatchOutcome<TResponse>> RunBatchFileAsync<TResponse>(");
        w.Line("    string path,");
        w.Line("    string endpoint,");
        w.Line($"    {Runtime}BatchOptions? options = null,");
        w.Line($"    global::System.IProgress<{Runtime}BatchState>? progress = null,");
        w.Line($"    {Token} cancellationToken = default) =>");
        w.Line($"    {Runtime}BatchJobRunner.RunFileAsync(");
        w.Line($"        new BatchApi(this, new {files.ClassName}(_core)), path, {json}.TypeInfo<TResponse>(),");
        w.Line("        endpoint,");
        w.Line("        _core.Limits.Batches, _core.Time, options, progress, cancellationToken);");
        w.Line();
        EmitAdapter(w, batches, files, shape);
        w.Close();
        return CodeWriter.Header(context.RootNamespace) + w;
    }

    private static void EmitAdapter(CodeWriter w, GroupNames batches, GroupNames files, BatchApiShape s)
    {
        w.Line($"private sealed class BatchApi({batches.ClassName} batches, {files.ClassName} files)");
        w.Open($"    : {Runtime}IBatchApi");
        w.Line($"public async {Tasks}Task<string> UploadAsync(");
        w.Open($"    string path, string fileName, {Token} cancellationToken)");
        w.Line($"var request = new {s.UploadType}");
        w.Line("{");
        w.Line($"    {s.UploadFile} = {Runtime}FileUpload.FromPath(path, fileName),");
        w.Line($"    {s.UploadPurpose} = \"batch-api\",");
        w.Line($"    {s.UploadFileName} = fileName,");
        if (s.UploadFileType is not null)
        {
            w.Line($"    {s.UploadFileType} = \"jsonl\",");
        }

        w.Line("};");
        w.Line($"var file = await files.{s.UploadMethod}Async(request, cancellationToken).ConfigureAwait(false);");
        w.Line("return Required(file.Id, \"the uploaded file's id\");");
        w.Close();
        w.Line();
        w.Line($"public async {Tasks}Task<string> CreateAsync(");
        w.Open($"    string inputFileId, string endpoint, {Token} cancellationToken)");
        w.Line($"var request = new {s.CreateType}");
        w.Line("{");
        w.Line($"    {s.CreateEndpoint} = endpoint,");
        w.Line($"    {s.CreateInputFile} = inputFileId,");
        w.Line("};");
        w.Line($"var created = await batches.{s.CreateMethod}Async(request, cancellationToken).ConfigureAwait(false);");
        w.Line(s.CreateJob is null
            ? "return Required(created.Id, \"the new batch's id\");"
            : $"return Required(created.{s.CreateJob}?.{s.JobId}, \"the new batch's id\");");
        w.Close();
        w.Line();
        w.Open($"public async {Tasks}Task<{Runtime}BatchState> GetAsync(string batchId, {Token} cancellationToken)");
        w.Line($"return State(await batches.{s.GetMethod}Async(batchId, cancellationToken).ConfigureAwait(false));");
        w.Close();
        w.Line();
        w.Line($"public async {Tasks}Task<global::System.Collections.Generic.IReadOnlyList<{Runtime}BatchState>> " +
            $"ListAsync({Token} cancellationToken)");
        w.Line("{");
        w.Line($"    var all = await batches.{s.ListMethod}Async(cancellationToken).ConfigureAwait(false);");
        w.Line($"    var states = new global::System.Collections.Generic.List<{Runtime}BatchState>(all.Count);");
        w.Line("    foreach (var job in all)");
        w.Line("    {");
        w.Line("        states.Add(State(job));");
        w.Line("    }");
        w.Line();
        w.Line("    return states;");
        w.Line("}");
        w.Line();
        w.Line("// The content operation returns text; it is handed on as a stream of its UTF-8 bytes.");
        w.Line($"public async {Tasks}Task<global::System.IO.Stream> DownloadAsync(");
        w.Line($"    string fileId, {Token} cancellationToken)");
        w.Line("{");
        w.Line($"    var text = await files.{s.ContentMethod}Async(fileId, cancellationToken).ConfigureAwait(false);");
        w.Line("    return new global::System.IO.MemoryStream(global::System.Text.Encoding.UTF8.GetBytes(text));");
        w.Line("}");
        w.Line();
        w.Line($"private static {Runtime}BatchState State({s.JobType} job) => new(");
        w.Line($"    job.{s.JobId} ?? string.Empty,");
        w.Line($"    $\"{{job.{s.JobStatus}}}\",");
        w.Line(s.JobProgress is null ? "    null," : $"    job.{s.JobProgress},");
        w.Line($"    {Text(s.JobOutputFile)},");
        w.Line($"    {Text(s.JobErrorFile)},");
        w.Line($"    {Text(s.JobError)});");
        w.Line();
        w.Line("private static string? Text(string text) => text.Length == 0 ? null : text;");
        w.Line();
        w.Line("private static string Required(string? value, string what) =>");
        w.Line("    string.IsNullOrEmpty(value)");
        w.Line("        ? throw new global::System.InvalidOperationException(");
        w.Line("            $\"The server's answer did not give {what}.\")");
        w.Line("        : value;");
        w.Close();
    }

    private static string Text(string? property) => property is null ? "null" : $"Text($\"{{job.{property}}}\")";
}
