using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Together.Generated;

/// <summary>
/// Checks the options a client will be built from, at application start-up rather than at the first call: the key,
/// the base URL, the timeouts (the same checks the client makes) and that every limiter override names a limiter of
/// the limits file with figures it can run with.
/// </summary>
internal sealed class TogetherOptionsValidator(string name, Func<TogetherLimits> compiledLimits)
    : IValidateOptions<TogetherClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, TogetherClientOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>(options.ConfigurationErrors);
        try
        {
            ClientSettings.From(options);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            failures.Add(e.Message);
        }

        var limits = compiledLimits();
        foreach (var (limiter, change) in options.Limiters)
        {
            if (LimiterOverride.Problem(limiter, change, limits) is { } problem)
            {
                failures.Add(problem);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
