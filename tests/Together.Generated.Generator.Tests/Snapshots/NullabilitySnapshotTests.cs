using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>Required, optional and every spelling of nullable the specs use; open enums, one listing null.</summary>
public sealed class NullabilitySnapshotTests
{
    private const string Model = "Together.Models.Thing";

    private const string NullableSchemas = """
        Thing:
          type: object
          required: [id, legacy, union_null, any_null, ref_null]
          properties:
            id: {type: string}
            count: {type: integer, format: int32}
            note: {type: string, description: Optional and not nullable.}
            legacy: {type: string, nullable: true}
            union_null: {type: [string, 'null']}
            any_null:
              anyOf:
                - {type: integer}
                - {type: 'null'}
            ref_null:
              allOf:
                - $ref: '#/components/schemas/Other'
                - nullable: true
        Other:
          type: object
          properties:
            name: {type: string}
        """;

    private const string EnumSchemas = """
        Thing:
          type: object
          required: [color]
          properties:
            color: {$ref: '#/components/schemas/Color'}
            level: {$ref: '#/components/schemas/Level'}
        Color:
          type: string
          description: A colour, more may come.
          enum: [red, green, dark-blue, 2tone]
        Level:
          type: [string, 'null']
          enum: [low, high, null]
        """;

    [Fact]
    public void Generate_RequiredOptionalAndNullableProperties_AnnotatesEachAsItsSpellingSays()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(NullableSchemas));

        Assert.Equal(NullableAnnotation.NotAnnotated, SnapshotSpecs.Property(result, Model, "Id").NullableAnnotation);
        Assert.Equal(NullableAnnotation.Annotated, SnapshotSpecs.Property(result, Model, "Note").NullableAnnotation);
        foreach (var name in new[] { "Legacy", "UnionNull", "RefNull" })
        {
            Assert.Equal(NullableAnnotation.Annotated, SnapshotSpecs.Property(result, Model, name).NullableAnnotation);
        }

        Assert.Equal("long?", SnapshotSpecs.Property(result, Model, "AnyNull").Type.ToDisplayString());
        Assert.Equal("int?", SnapshotSpecs.Property(result, Model, "Count").Type.ToDisplayString());
        SnapshotSpecs.Match(result, "Models.Thing.g.cs");
    }

    [Fact]
    public void Generate_OpenEnumIncludingNull_EmitsStructsAndANullableProperty()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(EnumSchemas));

        var color = SnapshotSpecs.Type(result, "Together.Models.Color");
        Assert.True(color.IsValueType);
        Assert.Contains(color.GetMembers(), m => m.Name == "DarkBlue");
        Assert.Equal("Together.Models.Level?", SnapshotSpecs.Property(result, Model, "Level").Type.ToDisplayString());
        Assert.Equal("Together.Models.Color", SnapshotSpecs.Property(result, Model, "Color").Type.ToDisplayString());
        var levels = SnapshotSpecs.Type(result, "Together.Models.Level").GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsStatic).Select(p => p.Name);
        Assert.Equal(new[] { "Low", "High" }, levels);
        SnapshotSpecs.Match(result, "Models.Color.g.cs", "Models.Level.g.cs", "Models.Thing.g.cs");
    }
}
