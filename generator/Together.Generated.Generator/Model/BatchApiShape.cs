using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Together.Generated.Generator.Model;

/// <summary>
/// The names the Batch API adapter is written with, found in the spec: files upload (multipart with a file, a
/// purpose and a file name), file content (text), batch create, get and list, and the batch job's fields. Null when
/// any piece is missing or shaped otherwise, so no adapter is emitted.
/// </summary>
internal sealed record BatchApiShape(
    string FilesGroup,
    string BatchesGroup,
    string UploadMethod,
    string UploadType,
    string UploadFile,
    string UploadPurpose,
    string UploadFileName,
    string? UploadFileType,
    string ContentMethod,
    string CreateMethod,
    string CreateType,
    string CreateEndpoint,
    string CreateInputFile,
    string? CreateJob,
    string GetMethod,
    string ListMethod,
    string JobType,
    string JobId,
    string JobStatus,
    string? JobProgress,
    string? JobOutputFile,
    string? JobErrorFile,
    string? JobError)
{
    private const string ListPrefix = "global::System.Collections.Generic.IList<";

    public static BatchApiShape? Find(SpecModel spec)
    {
        var types = spec.Types.ToDictionary(t => t.Name);
        var upload = Operation(spec, "POST", "^/files/upload$");
        var content = Operation(spec, "GET", "^/files/{[^}/]+}/content$");
        var create = Operation(spec, "POST", "^/batches$");
        var get = Operation(spec, "GET", "^/batches/{[^}/]+}$");
        var list = Operation(spec, "GET", "^/batches$");
        if (upload?.Body is not { Kind: BodyKind.Multipart } uploadBody || content?.Response.Kind != ResponseKind.Text
            || create?.Body is not { Kind: BodyKind.Json } createBody || get?.Response.Type is null
            || list?.Response.Type is null || !types.TryGetValue(get.Response.Type.Name, out var job)
            || list.Response.Type.Name != ListPrefix + job.Name + ">"
            || create.Response.Type is null || !types.TryGetValue(create.Response.Type.Name, out var created)
            || !types.TryGetValue(createBody.Type.Name, out var createType))
        {
            return null;
        }

        var fields = uploadBody.MultipartFields;
        var file = fields.FirstOrDefault(f => f.JsonName == "file" && f.Type.Kind == WireKind.File);
        var purpose = fields.FirstOrDefault(f => f.JsonName == "purpose");
        var fileName = fields.FirstOrDefault(f => f.JsonName == "file_name" && f.Type.Name == "string");
        var fileType = fields.FirstOrDefault(f => f.JsonName == "file_type");
        var endpoint = Property(createType, "endpoint");
        var inputFile = Property(createType, "input_file_id");
        var jobId = Property(job, "id");
        var status = Property(job, "status");
        var createJob = Property(created, "id") is null ? Property(created, "job") : null;
        if (file is null || purpose is null || fileName is null || endpoint?.Type.Name != "string"
            || inputFile?.Type.Name != "string" || jobId?.Type.Name != "string" || status is null
            || (Property(created, "id") is null && createJob?.Type.Name != job.Name))
        {
            return null;
        }

        var progress = Property(job, "progress");
        return new BatchApiShape(
            upload.Group, create.Group, upload.Name, uploadBody.Type.Name, file.Name, purpose.Name, fileName.Name,
            fileType?.Name, content.Name, create.Name, createType.Name, endpoint.Name, inputFile.Name,
            createJob?.Name, get.Name, list.Name, job.Name, jobId.Name, status.Name,
            progress?.Type.Name is "double" or "float" ? progress.Name : null,
            Property(job, "output_file_id")?.Name, Property(job, "error_file_id")?.Name, Property(job, "error")?.Name);
    }

    private static OperationModel? Operation(SpecModel spec, string method, string pathPattern) =>
        spec.Operations.FirstOrDefault(o => o.Method == method && Regex.IsMatch(o.Path, pathPattern));

    private static PropertyDecl? Property(TypeDecl type, string jsonName) =>
        type.Kind == TypeDeclKind.Object ? type.Properties.FirstOrDefault(p => p.JsonName == jsonName) : null;
}
