namespace Together.Quickstart;

/// <summary>The load the quickstart runs after its tour.</summary>
/// <param name="Requests">Chat calls to make. Default 200.</param>
/// <param name="Concurrency">Calls in flight at once. Default 16.</param>
/// <param name="Model">The model every call asks.</param>
/// <param name="MaxTokens">The <c>max_tokens</c> of each call. Default 16.</param>
public sealed record LoadSettings(int Requests, int Concurrency, string Model, int MaxTokens = 16);
