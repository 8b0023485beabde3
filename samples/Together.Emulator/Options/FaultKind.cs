namespace Together.Emulator;

/// <summary>What a <see cref="FaultRule"/> does to a request it hits.</summary>
public enum FaultKind
{
    /// <summary>
    /// Answers with <see cref="FaultRule.Status"/> and an error body of shape <see cref="FaultRule.Body"/>.
    /// </summary>
    Status,

    /// <summary>Aborts the connection without answering.</summary>
    Disconnect,

    /// <summary>Only waits <see cref="FaultRule.Latency"/>, then answers normally.</summary>
    Delay,

    /// <summary>
    /// Streams only: after <see cref="FaultRule.AfterChunks"/> chunks sends the event
    /// <c>data: {"error":{"message":"...","type":"server_error"}}</c> and ends the stream without <c>[DONE]</c>.
    /// </summary>
    StreamError,

    /// <summary>Streams only: after <see cref="FaultRule.AfterChunks"/> chunks aborts the connection.</summary>
    StreamDisconnect,
}
