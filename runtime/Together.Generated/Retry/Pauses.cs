using System;

namespace Together.Generated;

/// <summary>Growing pauses between status checks, safe from overflow whatever the settings.</summary>
internal static class Pauses
{
    /// <summary>Twice <paramref name="pause"/>, at most <paramref name="max"/>.</summary>
    public static TimeSpan Double(TimeSpan pause, TimeSpan max) =>
        pause.Ticks >= max.Ticks / 2 ? max : TimeSpan.FromTicks(pause.Ticks * 2);
}
