namespace Together.Emulator;

/// <summary>Why a request was or was not let in.</summary>
internal enum AdmissionOutcome
{
    Accepted,
    RequestLimited,
    TokenLimited,
    Overloaded,
}

/// <summary>
/// The rate book's answer for one request, with what the rate-limit headers report: limits in per-second units,
/// what remains of them in the current window, and seconds until the window frees room (0 when a limit is off).
/// </summary>
internal sealed record Admission(
    AdmissionOutcome Outcome,
    long At,
    int RequestLimit,
    int RequestsRemaining,
    double ResetSeconds,
    int TokenLimit,
    long TokensRemaining,
    double TokenResetSeconds)
{
    public bool IsAccepted => Outcome == AdmissionOutcome.Accepted;

    /// <summary>The wait a refused request is told in <c>x-ratelimit-reset</c>.</summary>
    public double RetrySeconds => Outcome == AdmissionOutcome.TokenLimited ? TokenResetSeconds : ResetSeconds;
}
