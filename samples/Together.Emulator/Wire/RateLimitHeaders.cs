using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Together.Emulator;

/// <summary>
/// The headers Together sent on every response (per-second units), and the <c>x-ratelimit-reset</c> wait that a
/// 429 always carries: seconds, as a decimal with up to three places.
/// </summary>
internal static class RateLimitHeaders
{
    public const string Limit = "x-ratelimit-limit";
    public const string Remaining = "x-ratelimit-remaining";
    public const string Reset = "x-ratelimit-reset";
    public const string TokenLimit = "x-tokenlimit-limit";
    public const string TokensRemaining = "x-tokenlimit-remaining";

    public static void Apply(HttpResponse response, Admission admission, bool everyResponse)
    {
        var refused = admission.Outcome is AdmissionOutcome.RequestLimited or AdmissionOutcome.TokenLimited;
        if (refused)
        {
            response.Headers[Reset] = Seconds(admission.RetrySeconds);
        }

        if (!everyResponse)
        {
            return;
        }

        if (admission.RequestLimit > 0)
        {
            response.Headers[Limit] = Number(admission.RequestLimit);
            response.Headers[Remaining] = Number(admission.RequestsRemaining);
            if (!refused)
            {
                response.Headers[Reset] = Seconds(admission.ResetSeconds);
            }
        }

        if (admission.TokenLimit > 0)
        {
            response.Headers[TokenLimit] = Number(admission.TokenLimit);
            response.Headers[TokensRemaining] = Number(admission.TokensRemaining);
        }
    }

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
