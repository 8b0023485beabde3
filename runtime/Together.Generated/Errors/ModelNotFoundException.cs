using System;

namespace Together.Generated;

/// <summary>
/// The server does not know the model the call named (HTTP 404 about the model), or the key may not use it. The
/// message names the model; list the models the key can use with the client's models operation
/// (<c>client.Models.ModelsAsync()</c> in a client generated from Together's spec).
/// </summary>
public sealed class ModelNotFoundException : NotFoundException
{
    /// <summary>Creates the exception with a message.</summary>
    public ModelNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ModelNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The model the call named.</summary>
    public string Model { get; internal set; } = string.Empty;
}
