using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Together.Generated.Generator.Tests.Incremental;

/// <summary>The spec and limits files the incremental tests drive the generator with, and step helpers.</summary>
internal static class IncrementalInputs
{
    public const string SpecPath = "/incremental/openapi.yaml";

    public const string LimitsPath = "/incremental/together.limits.yaml";

    public const string Spec = """
        openapi: 3.1.0
        info: {title: Incremental API, version: '1.0'}
        paths:
          /chat/completions:
            post:
              operationId: chat-completions
              tags: [Chat]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatRequest'}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ChatResponse'}
        components:
          schemas:
            ChatRequest:
              type: object
              required: [model]
              properties:
                model: {type: string}
                max_tokens: {type: integer}
            ChatResponse:
              type: object
              properties:
                id: {type: string}
        """;

    public const string Limits = """
        version: 1
        limiters:
          key:
            budget: 600
        endpoints:
          - operation_id: chat-completions
            limiters: [key]
        """;

    /// <summary><see cref="Limits"/> with the chat rule made idempotent and given a second limiter.</summary>
    public const string EditedLimits = """
        version: 1
        limiters:
          key:
            budget: 600
          chat:
            budget: 60
            scope: model
        endpoints:
          - operation_id: chat-completions
            limiters: [key, chat]
            idempotent: true
        """;

    /// <summary>The generator's own steps, each of which every test expects to have run.</summary>
    public static readonly string[] NamedSteps =
    {
        TogetherClientGenerator.Steps.Files, TogetherClientGenerator.Steps.Spec,
        TogetherClientGenerator.Steps.Limits, TogetherClientGenerator.Steps.Namespace,
        TogetherClientGenerator.Steps.AIReferenced,
    };

    /// <summary>The reasons of every output of the named step in the last run.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results[0].TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();

    public static string Source(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
