using System;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>
/// The serialization metadata the generator emits (<c>TogetherJsonMetadata</c>): one entry per type the client reads
/// or writes, the nullable form of each value type, and per object its properties with their wire names.
/// </summary>
public sealed class JsonMetadataSnapshotTests
{
    private const string Schemas = """
        Thing:
          type: object
          required: [id, color, tags]
          additionalProperties: {}
          properties:
            id: {type: string}
            color: {$ref: '#/components/schemas/Color'}
            scores:
              type: array
              items: {type: [integer, 'null']}
            tags:
              type: object
              additionalProperties: {type: string}
            old: {type: string, deprecated: true}
            upload: {type: string, format: binary}
            value:
              oneOf:
                - {type: string}
                - {type: number}
        Color:
          type: string
          enum: [red, green]
        """;

    [Fact]
    public void Generate_ObjectWithEnumListMapUnionFileAndExtensionData_EmitsMetadataForEachReachableType()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Schemas));

        var metadata = result.Source("TogetherJsonMetadata.g.cs");
        Assert.Contains("typeof(global::System.Collections.Generic.IList<long?>)", metadata, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Together.Models.Color?)", metadata, StringComparison.Ordinal);
        Assert.Contains("JsonMetadata.ExtensionData(", metadata, StringComparison.Ordinal);
        // A file is never JSON: the model ignores it, and the metadata leaves it out.
        Assert.DoesNotContain("\"upload\"", metadata, StringComparison.Ordinal);
        SnapshotSpecs.Match(result, "TogetherJsonMetadata.g.cs");
    }
}
