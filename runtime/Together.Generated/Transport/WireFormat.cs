using System;
using System.Globalization;

namespace Together.Generated;

/// <summary>
/// Formats path and query values as they go on the wire. Generated code calls these instead of
/// <c>ToString()</c> so culture never changes a number and enums use their JSON names.
/// </summary>
public static class WireFormat
{
    /// <summary>Percent-encodes a path segment value: a <c>/</c> inside it cannot change the route.</summary>
    public static string PathSegment(string value) => Uri.EscapeDataString(value ?? string.Empty);

    /// <summary>A string as is.</summary>
    public static string? Value(string? value) => value;

    /// <summary><c>true</c> or <c>false</c>, lower case as JSON writes them.</summary>
    public static string? Value(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>An integer in invariant culture.</summary>
    public static string? Value(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture, round-trippable.</summary>
    public static string? Value(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A date-time in ISO 8601 form.</summary>
    public static string? Value(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An enum or union value: its wire form.</summary>
    public static string? Value(IWireValue? value) => value?.WireValue;
}

/// <summary>Implemented by generated open enums and primitive unions: the value as it goes on the wire.</summary>
public interface IWireValue
{
    /// <summary>The value as the API writes it in a query string or path.</summary>
    string WireValue { get; }
}
