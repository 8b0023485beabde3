namespace Together.Benchmarks;

/// <summary>One goodput comparison's workload.</summary>
/// <param name="Limit">Calls a second the emulator lets through per model. Default 10 (600 a minute).</param>
/// <param name="Calls">Chat calls each client makes. Default 1,200 (two minutes at the limit).</param>
/// <param name="Concurrency">Calls in flight at once. Default 64.</param>
/// <param name="SettleSeconds">The start left out of the "429s after the start" column. Default 10.</param>
internal sealed record GoodputSettings(
    int Limit = 10, int Calls = 1200, int Concurrency = 64, double SettleSeconds = 10);
