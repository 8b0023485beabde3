using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Together.Emulator;

/// <summary>
/// Source-generated serialization of the admin endpoints' types: camelCase, enums as names, property names matched
/// case-insensitively on input, indented so that curl output reads well.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmulatorStats))]
[JsonSerializable(typeof(EmulatorOptions))]
[JsonSerializable(typeof(FaultRule))]
[JsonSerializable(typeof(List<FaultRule>))]
internal sealed partial class AdminJson : JsonSerializerContext;
