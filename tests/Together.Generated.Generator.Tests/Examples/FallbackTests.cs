using System;
using System.IO;
using System.Linq;
using Together.Generated.Generator.Reading;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Every schema of the newest spec that the generator represents untyped (as JsonElement), with its reason. A new
/// entry fails the test: either the spec grew a genuinely free-form value (add it here) or a mapping regressed.
/// </summary>
public sealed class FallbackTests
{
    private const string Schemas = "#/components/schemas/";
    private const string FreeForm = ": free-form object";

    /// <summary>The code interpreter's rich output: a bundle of MIME types, the JSON ones of any shape.</summary>
    private const string MimeBundle = "/properties/data/properties/application~1";

    private const string DeleteAnswer = "/delete/responses/200/content/application~1json/schema";

    private const string ExecuteOutput =
        Schemas + "ExecuteResponse/oneOf/0/properties/data/properties/outputs/items/oneOf/2";

    private static readonly string[] Expected =
    {
        // JSON Schema documents: a tool's parameters and a structured-output schema.
        Schemas + "ChatCompletionTool/properties/function/properties/parameters" + FreeForm,
        Schemas + "ToolsPart/properties/function/properties/parameters" + FreeForm,
        Schemas + "ResponseFormatJsonSchemaSchema" + FreeForm,

        // Caller-defined bags of values.
        Schemas + "ChatCompletionRequest/properties/chat_template_kwargs" + FreeForm,
        Schemas + "EvaluationJob/properties/parameters" + FreeForm,
        Schemas + "QueueJobRequest/properties/info" + FreeForm,
        Schemas + "QueueJobRequest/properties/payload" + FreeForm,
        Schemas + "QueueJobStatusResponse/properties/info" + FreeForm,
        Schemas + "QueueJobStatusResponse/properties/inputs" + FreeForm,
        Schemas + "QueueJobStatusResponse/properties/outputs" + FreeForm,
        Schemas + "RerankRequest/properties/documents/oneOf/0/items" + FreeForm,

        // MIME bundles (three copies of the same output schema).
        Schemas + "DisplayorExecuteOutput" + MimeBundle + "geo+json" + FreeForm,
        Schemas + "DisplayorExecuteOutput" + MimeBundle + "json" + FreeForm,
        Schemas + "DisplayorExecuteOutput" + MimeBundle + "vnd.vega.v5+json" + FreeForm,
        Schemas + "DisplayorExecuteOutput" + MimeBundle + "vnd.vegalite.v4+json" + FreeForm,
        ExecuteOutput + MimeBundle + "geo+json" + FreeForm,
        ExecuteOutput + MimeBundle + "json" + FreeForm,
        ExecuteOutput + MimeBundle + "vnd.vega.v5+json" + FreeForm,
        ExecuteOutput + MimeBundle + "vnd.vegalite.v4+json" + FreeForm,
        Schemas + "InterpreterOutput/oneOf/2" + MimeBundle + "geo+json" + FreeForm,
        Schemas + "InterpreterOutput/oneOf/2" + MimeBundle + "json" + FreeForm,
        Schemas + "InterpreterOutput/oneOf/2" + MimeBundle + "vnd.vega.v5+json" + FreeForm,
        Schemas + "InterpreterOutput/oneOf/2" + MimeBundle + "vnd.vegalite.v4+json" + FreeForm,

        // Code interpreter errors: a string or an object of any shape.
        Schemas + "Error/oneOf/1" + FreeForm,
        Schemas + "ExecuteResponse/oneOf/1/properties/errors/items/oneOf/1" + FreeForm,
        Schemas + "Response/properties/errors/items/oneOf/1" + FreeForm,
        Schemas + "SessionListResponse/allOf/0/properties/errors/items/oneOf/1" + FreeForm,

        // type: 'null': the half of a result that is always null.
        Schemas + "ExecuteResponse/oneOf/0/properties/errors: only null",
        Schemas + "ExecuteResponse/oneOf/1/properties/data: only null",

        // Deleting a deployment, secret or volume answers with a bare "type: object".
        "#/paths/~1deployments~1secrets~1{id}" + DeleteAnswer + FreeForm,
        "#/paths/~1deployments~1storage~1volumes~1{id}" + DeleteAnswer + FreeForm,
        "#/paths/~1deployments~1{id}" + DeleteAnswer + FreeForm,
    };

    [Fact]
    public void Read_NewestSpec_FallsBackToUntypedOnlyWhereListed()
    {
        var path = SharedSpecs.PathOf(SharedSpecs.Newest);

        var fallbacks = SpecReader.Read(path, File.ReadAllText(path)).Fallbacks;

        Assert.Equal(Expected.Order(StringComparer.Ordinal), fallbacks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_EmptyObjectSchema_DeclaresAClassInsteadOfFallingBack()
    {
        var path = SharedSpecs.PathOf(SharedSpecs.Newest);

        var spec = SpecReader.Read(path, File.ReadAllText(path));

        var declared = Assert.Single(spec.Types, t => t.SchemaPath == Schemas + "RL.CrossEntropyLossParams");
        Assert.Empty(declared.Properties);
    }
}
