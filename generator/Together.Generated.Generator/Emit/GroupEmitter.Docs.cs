using System.Linq;
using Together.Generated.Generator.Model;

namespace Together.Generated.Generator.Emit;

internal static partial class GroupEmitter
{
    private static void EmitDocs(CodeWriter writer, OperationModel operation, bool streaming)
    {
        var summary = operation.Summary ?? FirstLine(operation.Description) ?? $"{operation.Method} {operation.Path}";
        writer.Doc("summary", streaming ? summary + " (streamed as server-sent events)" : summary);
        if (operation.Description is { } description && description.Trim() != summary.Trim())
        {
            writer.Doc("remarks", description);
        }

        foreach (var parameter in Parameters(operation))
        {
            // A keyword escaped as @class is named without its @ in a param tag.
            var name = parameter.Name.TrimStart('@');
            writer.Doc("param", parameter.Summary ?? "The " + name + " parameter.", $" name=\"{name}\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call, including its wait for permits.</param>");
        var returns = streaming
            ? "The chunks as they arrive; the call's permits are held until the enumeration ends."
            : operation.Response.Kind switch
            {
                ResponseKind.Binary => "The response body as a stream; dispose it to release the call's permits.",
                ResponseKind.None => null,
                _ => "The response.",
            };
        writer.Doc("returns", returns);
    }

    private static string? FirstLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text!.Trim().Split('\n').First().Trim();
}
