using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>oneOf/anyOf in the shapes the Together specs use: tagged, untagged, primitive and content unions.</summary>
public sealed class UnionSnapshotTests
{
    private const string Discriminated = """
        Pet:
          oneOf:
            - $ref: '#/components/schemas/Cat'
            - $ref: '#/components/schemas/Dog'
          discriminator:
            propertyName: pet_type
            mapping:
              kitty: '#/components/schemas/Cat'
              doggo: '#/components/schemas/Dog'
        Cat:
          type: object
          required: [pet_type]
          properties:
            pet_type: {type: string}
            lives: {type: integer}
        Dog:
          type: object
          required: [pet_type]
          properties:
            pet_type: {type: string}
            good: {type: boolean}
        """;

    private const string Untagged = """
        Thing:
          type: object
          properties:
            shape: {$ref: '#/components/schemas/Shape'}
            block: {$ref: '#/components/schemas/Block'}
        Shape:
          oneOf:
            - $ref: '#/components/schemas/Circle'
            - $ref: '#/components/schemas/Square'
        Circle:
          type: object
          required: [radius]
          properties:
            radius: {type: number}
        Square:
          type: object
          required: [side]
          properties:
            side: {type: number}
        Block:
          oneOf:
            - type: object
              title: TextBlock
              required: [type, text]
              properties:
                type: {type: string, const: text}
                text: {type: string}
            - type: object
              title: ImageBlock
              required: [type, url]
              properties:
                type: {type: string, const: image_url}
                url: {type: string}
        """;

    private const string Primitive = """
        Thing:
          type: object
          properties:
            max_tokens:
              oneOf:
                - {type: integer}
                - {type: string, enum: [max]}
              default: max
            safety:
              anyOf:
                - {type: boolean}
                - {type: string, const: auto}
              default: auto
        """;

    private const string Content = """
        Thing:
          type: object
          required: [role, content]
          properties:
            role: {type: string}
            content:
              oneOf:
                - {type: string}
                - type: array
                  items: {$ref: '#/components/schemas/ContentPart'}
        ContentPart:
          oneOf:
            - $ref: '#/components/schemas/TextPart'
            - $ref: '#/components/schemas/ImagePart'
          discriminator:
            propertyName: type
        TextPart:
          type: object
          required: [type, text]
          properties:
            type: {type: string, enum: [text]}
            text: {type: string}
        ImagePart:
          type: object
          required: [type, image_url]
          properties:
            type: {type: string, enum: [image_url]}
            image_url: {type: string}
        """;

    [Fact]
    public void Generate_OneOfWithDiscriminatorMapping_SwitchesOnTheMappedValues()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Discriminated, root: "Pet"));

        var source = result.Source("Models.Pet.g.cs");
        Assert.Contains("case \"kitty\":", source);
        Assert.Contains("case \"doggo\":", source);
        Assert.Contains("Discriminator(element, \"pet_type\")", source);
        SnapshotSpecs.Match(result, "Models.Pet.g.cs");
    }

    [Fact]
    public void Generate_OneOfWithoutDiscriminator_TellsObjectsApartByRequiredPropertiesAndConstType()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Untagged));

        Assert.Contains("HasProperties(element, \"radius\")", result.Source("Models.Shape.g.cs"));
        var block = result.Source("Models.Block.g.cs");
        Assert.Contains("case \"text\":", block);
        Assert.Contains("case \"image_url\":", block);
        SnapshotSpecs.Match(result, "Models.Shape.g.cs", "Models.Block.g.cs");
    }

    [Fact]
    public void Generate_IntegerOrMaxAndBooleanOrAuto_EmitsWireValueUnionsWithDefaultsAsDocs()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Primitive));

        var maxTokens = SnapshotSpecs.Property(result, "Together.Models.Thing", "MaxTokens").Type;
        var safety = SnapshotSpecs.Property(result, "Together.Models.Thing", "Safety").Type;
        Assert.Contains(maxTokens.AllInterfaces, i => i.Name == "IWireValue");
        Assert.Contains(safety.AllInterfaces, i => i.Name == "IWireValue");
        Assert.Contains("The server's default is \"max\".", result.Source("Models.Thing.g.cs"));
        Assert.Contains("The server's default is \"auto\".", result.Source("Models.Thing.g.cs"));
        SnapshotSpecs.Match(result, "Models.Thing.g.cs", "Models.ThingMaxTokens.g.cs", "Models.ThingSafety.g.cs");
    }

    [Fact]
    public void Generate_StringOrArrayOfPartsContent_EmitsAUnionConvertibleFromString()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithSchemas(Content));

        var content = (INamedTypeSymbol)SnapshotSpecs.Property(result, "Together.Models.Thing", "Content").Type;
        var conversions = content.GetMembers("op_Implicit").OfType<IMethodSymbol>()
            .Select(m => m.Parameters[0].Type.ToDisplayString());
        Assert.Contains("string", conversions);
        Assert.Contains(content.GetMembers().OfType<IPropertySymbol>(),
            p => p.Type.ToDisplayString() == "System.Collections.Generic.IList<Together.Models.ContentPart>?");
        SnapshotSpecs.Match(result, "Models.ThingContent.g.cs", "Models.ContentPart.g.cs");
    }
}
