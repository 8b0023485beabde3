using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// The control endpoints under <c>/_emulator</c>. They need no key, are not rate limited and are not counted in
/// the stats. Bodies are camelCase JSON (names matched case-insensitively; enums by name; durations as
/// <c>hh:mm:ss.fff</c>); a bad body gets 400 in the nested error shape.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "/health", context => Text(context, "{\"status\":\"ok\"}"));
        endpoints.MapGet(Prefix + "/stats", context =>
            JsonWire.WriteAsync(context, State(context).GetStats(), AdminJson.Default.EmulatorStats));
        endpoints.MapPost(Prefix + "/reset", context =>
        {
            State(context).Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        endpoints.MapGet(Prefix + "/faults", FaultsAsync);
        endpoints.MapPost(Prefix + "/faults", context => ChangeFaultsAsync(context, replace: false));
        endpoints.MapPut(Prefix + "/faults", context => ChangeFaultsAsync(context, replace: true));
        endpoints.MapDelete(Prefix + "/faults", context =>
        {
            State(context).ClearFaults();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        endpoints.MapGet(Prefix + "/options", OptionsAsync);
        endpoints.MapPost(Prefix + "/options", PatchOptionsAsync);
        endpoints.MapGet(Prefix + "/images/{name}", async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(ImagesEndpoint.Pixel, context.RequestAborted);
        });
    }

    private static EmulatorState State(HttpContext context) =>
        context.RequestServices.GetRequiredService<EmulatorState>();

    private static Task FaultsAsync(HttpContext context) =>
        JsonWire.WriteAsync(context, State(context).Faults.ToList(), AdminJson.Default.ListFaultRule);

    private static Task OptionsAsync(HttpContext context) =>
        JsonWire.WriteAsync(context, State(context).Options, AdminJson.Default.EmulatorOptions);

    /// <summary>POST appends, PUT replaces; the body is one rule or an array of rules.</summary>
    private static async Task ChangeFaultsAsync(HttpContext context, bool replace)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var rules = node is JsonArray
                ? node.Deserialize(AdminJson.Default.ListFaultRule)
                : node is null ? null : [node.Deserialize(AdminJson.Default.FaultRule)!];
            if (rules is null || rules.Any(rule => rule is null))
            {
                throw new JsonException("The body must be a fault rule or an array of fault rules.");
            }

            if (replace)
            {
                State(context).SetFaults(rules);
            }
            else
            {
                State(context).AddFaults(rules);
            }

            await FaultsAsync(context);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            await ErrorWriter.WriteAsync(context, 400, ErrorBodyShape.Nested, exception.Message);
        }
    }

    /// <summary>
    /// Merges the posted object into the current options, property by property (a property given replaces the
    /// whole value, lists and maps included; <c>faults</c> replaces the fault rules), then answers the result.
    /// </summary>
    private static async Task PatchOptionsAsync(HttpContext context)
    {
        try
        {
            var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
                as JsonObject ?? throw new JsonException("The body must be a JSON object of options.");
            var state = State(context);
            var merged = JsonSerializer.SerializeToNode(state.Options, AdminJson.Default.EmulatorOptions)!.AsObject();
            foreach (var (name, value) in patch.ToList())
            {
                var existing = merged.Select(pair => pair.Key)
                    .FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) ?? name;
                merged[existing] = value?.DeepClone();
            }

            var options = merged.Deserialize(AdminJson.Default.EmulatorOptions)
                ?? throw new JsonException("The options must be a JSON object.");
            state.ReplaceOptions(options);
            await OptionsAsync(context);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            await ErrorWriter.WriteAsync(context, 400, ErrorBodyShape.Nested, exception.Message);
        }
    }

    private static Task Text(HttpContext context, string json)
    {
        context.Response.ContentType = JsonWire.JsonType;
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
