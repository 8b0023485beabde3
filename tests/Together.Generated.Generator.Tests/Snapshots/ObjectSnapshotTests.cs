using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>Object schemas: const, allOf, additionalProperties, recursion, odd defaults and formats.</summary>
public sealed class ObjectSnapshotTests
{
    private const string Model = "Together.Models.Thing";

    private const string Const = """
        Thing:
          type: object
          required: [object, id, role]
          properties:
            object: {type: string, const: list}
            version: {const: v2, description: An optional const.}
            id: {type: string}
            role: {type: string, enum: [user]}
        """;

    private const string AllOf = """
        Thing:
          description: A base with a name added.
          allOf:
            - $ref: '#/components/schemas/Base'
            - type: object
              required: [name]
              properties:
                name: {type: string}
                id: {type: string, description: Repeated; the base's wins.}
        Base:
          type: object
          required: [id]
          properties:
            id: {type: string}
            created: {type: integer}
        """;

    private const string Maps = """
        Thing:
          type: object
          required: [labels]
          properties:
            labels:
              type: object
              additionalProperties: {type: string}
            counts:
              type: object
              additionalProperties: {type: integer, format: int32}
            metadata:
              type: object
              additionalProperties: true
            anything: {}
          additionalProperties: {}
        """;

    private const string Recursive = """
        Thing:
          type: object
          required: [value]
          properties:
            value: {type: string}
            parent: {$ref: '#/components/schemas/Thing'}
            children:
              type: array
              items: {$ref: '#/components/schemas/Thing'}
        """;

    private const string OddDefault = """
        Thing:
          type: object
          properties:
            options:
              type: object
              properties:
                level: {type: integer}
              default: none
            name: {type: string, default: unnamed}
        """;

    private const string Formats = """
        Thing:
          type: object
          required: [when, size]
          properties:
            when: {type: string, format: date-time}
            file: {type: string, format: binary}
            bytes: {type: string, format: byte}
            size: {type: integer, format: int64}
            small: {type: integer, format: int32}
            ratio: {type: number, format: float}
            score: {type: number}
            day: {type: string, format: date}
        """;

    [Fact]
    public void Generate_ConstProperties_InitializesRequiredOnesToTheirValue()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Const));

        var source = result.Source("Models.Thing.g.cs");
        Assert.Contains("public string Object { get; set; } = \"list\";", source);
        Assert.Contains("public string? Version { get; set; }", source);
        Assert.Contains("public ThingRole Role { get; set; } = ThingRole.User;", source);
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_AllOfWithRefAndInlinePart_MergesPropertiesAndRequiredness()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(AllOf));

        var names = SnapshotSpecs.Type(result, Model).GetMembers().OfType<IPropertySymbol>().Select(p => p.Name);
        Assert.Equal(new[] { "Id", "Created", "Name" }, names);
        Assert.Equal(NullableAnnotation.NotAnnotated, SnapshotSpecs.Property(result, Model, "Name").NullableAnnotation);
        Assert.Equal(NullableAnnotation.NotAnnotated, SnapshotSpecs.Property(result, Model, "Id").NullableAnnotation);
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_AdditionalProperties_TypesMapsAndKeepsFreeFormAsJson()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Maps));

        Assert.Equal("System.Collections.Generic.IDictionary<string, string>",
            SnapshotSpecs.Property(result, Model, "Labels").Type.ToDisplayString());
        Assert.Equal("System.Collections.Generic.IDictionary<string, int>?",
            SnapshotSpecs.Property(result, Model, "Counts").Type.ToDisplayString());
        Assert.Equal("System.Text.Json.JsonElement?",
            SnapshotSpecs.Property(result, Model, "Metadata").Type.ToDisplayString());
        Assert.Contains(SnapshotSpecs.Property(result, Model, "AdditionalProperties").GetAttributes(),
            a => a.AttributeClass?.Name == "JsonExtensionDataAttribute");
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_RecursiveSchema_RefersToItselfWithoutDuplicatingTheType()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Recursive));

        Assert.Equal("Together.Models.Thing?", SnapshotSpecs.Property(result, Model, "Parent").Type.ToDisplayString());
        Assert.Equal("System.Collections.Generic.IList<Together.Models.Thing>?",
            SnapshotSpecs.Property(result, Model, "Children").Type.ToDisplayString());
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("Thing2"));
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_StringDefaultOnObject_ReportsTG004AtTheDefaultAndStillCompiles()
    {
        var spec = SnapshotSpecs.WithSchemas(OddDefault);

        var result = SnapshotSpecs.Generate(spec, "TG004");

        var diagnostic = result.GeneratorDiagnostics.Single();
        var lines = spec.Split('\n');
        var optionsLine = System.Array.FindIndex(lines, l => l.Trim() == "options:");
        Assert.Equal(SnapshotSpecs.SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(optionsLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("options", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("The server's default is \"unnamed\".", result.Source("Models.Thing.g.cs"));
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_Formats_MapToDateTimeOffsetFileBytesLongAndFloat()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Formats));

        string TypeOf(string property) => SnapshotSpecs.Property(result, Model, property).Type.ToDisplayString();
        Assert.Equal("System.DateTimeOffset", TypeOf("When"));
        Assert.Equal("Together.Generated.FileUpload?", TypeOf("File"));
        Assert.Equal("byte[]?", TypeOf("Bytes"));
        Assert.Equal("long", TypeOf("Size"));
        Assert.Equal("int?", TypeOf("Small"));
        Assert.Equal("float?", TypeOf("Ratio"));
        Assert.Equal("double?", TypeOf("Score"));
        Assert.Equal("string?", TypeOf("Day"));
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }
}
