using System;

namespace Together.Generated;

/// <summary>
/// The HTTP method and path template of a generated endpoint method, exactly as the spec writes them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TogetherEndpointAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public TogetherEndpointAttribute(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template.</summary>
    public string Path { get; }

    /// <summary>The spec's operationId, when it has one.</summary>
    public string? OperationId { get; set; }
}

/// <summary>
/// A limiter the limits file assigns to a generated endpoint method; one attribute per limiter, in order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class TogetherLimiterAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public TogetherLimiterAttribute(string name) => Name = name;

    /// <summary>The limiter's name in the limits file.</summary>
    public string Name { get; }
}

/// <summary>The retry policy the limits file assigns to a generated endpoint method.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TogetherRetryPolicyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public TogetherRetryPolicyAttribute(string name) => Name = name;

    /// <summary>The retry policy's name in the limits file.</summary>
    public string Name { get; }
}
