using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Snapshots;

/// <summary>Spec names unsafe as C# names: keywords, dots, dashes, leading digits, names the runtime uses.</summary>
public sealed class NamingSnapshotTests
{
    private const string Paths = """
        /items/{item-id}:
          get:
            operationId: get-item
            tags: [Items]
            parameters:
              - {name: item-id, in: path, required: true, schema: {type: string}}
              - {name: class, in: query, schema: {type: string}}
              - {name: 1st, in: query, schema: {type: integer}}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Item'}
        /descriptors:
          get:
            operationId: getDescriptor
            tags: [Task]
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/EndpointDescriptor'}
        """;

    private const string Schemas = """
        Item:
          type: object
          required: [class]
          properties:
            item: {type: string, description: Named like its class.}
            class: {type: string}
            event: {type: integer}
            dash-name: {type: string}
            1st_place: {type: boolean}
            rl: {$ref: '#/components/schemas/RL.Foo'}
            client: {$ref: '#/components/schemas/TogetherClient'}
            task: {$ref: '#/components/schemas/Task'}
            system: {$ref: '#/components/schemas/System'}
            kind: {$ref: '#/components/schemas/1st-kind'}
        RL.Foo:
          type: object
          properties:
            RL.Foo: {type: string}
        EndpointDescriptor:
          type: object
          properties:
            name: {type: string}
        TogetherClient:
          type: object
          properties:
            key: {type: string}
        Task:
          type: object
          properties:
            done: {type: boolean}
        System:
          type: object
          properties:
            version: {type: string}
        1st-kind:
          type: string
          enum: [class, event, '+1', '-1', '1']
        """;

    [Fact]
    public void Generate_AwkwardSchemaPropertyAndParameterNames_EmitsValidDistinctIdentifiers()
    {
        var result = SnapshotSpecs.Generate(SnapshotSpecs.WithPaths(Paths, Schemas));

        var item = SnapshotSpecs.Type(result, "Together.Models.Item");
        var properties = item.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToList();
        Assert.Equal(
            new[] { "Item2", "Class", "Event", "DashName", "_1StPlace", "Rl", "Client", "Task", "System", "Kind" },
            properties);
        Assert.Equal("Together.Models.RLFoo", SnapshotSpecs.Property(result, "Together.Models.Item", "Rl").Type
            .ToDisplayString().TrimEnd('?'));
        Assert.Equal("Together.Models.TogetherClient2",
            SnapshotSpecs.Property(result, "Together.Models.Item", "Client").Type.ToDisplayString().TrimEnd('?'));
        var kinds = SnapshotSpecs.Type(result, "Together.Models._1StKind").GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsStatic).Select(p => p.Name);
        Assert.Equal(new[] { "Class", "Event", "_1", "_1_2", "_1_3" }, kinds);
        var method = SnapshotSpecs.Method(result, "Together.ItemsApi", "GetItemAsync");
        Assert.Equal(new[] { "itemId", "class", "_1St", "cancellationToken" }, method.Parameters.Select(p => p.Name));
        Assert.Equal("Together.Models.EndpointDescriptor",
            ((INamedTypeSymbol)SnapshotSpecs.Method(result, "Together.TaskApi", "GetDescriptorAsync").ReturnType)
            .TypeArguments[0].ToDisplayString());
        SnapshotSpecs.Match(result, "Models.Item.g.cs", "Models.RLFoo.g.cs", "Models._1StKind.g.cs",
            "Models.TogetherClient2.g.cs", "ItemsApi.g.cs", "TogetherClient.g.cs");
    }
}
