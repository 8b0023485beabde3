using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>The duration and size grammars of the limits file.</summary>
public sealed class LimitsValuesTests
{
    [Theory]
    [InlineData("500ms", 500L)]
    [InlineData("10s", 10_000L)]
    [InlineData("1m", 60_000L)]
    [InlineData("1m30s", 90_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("0s", 0L)]
    [InlineData("second", 1_000L)]
    [InlineData("minute", 60_000L)]
    [InlineData("hour", 3_600_000L)]
    public void TryParseDuration_ValidText_GivesMilliseconds(string text, long expected)
    {
        Assert.True(LimitsValues.TryParseDuration(text, out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("60")]
    [InlineData("m")]
    [InlineData("-1s")]
    [InlineData("1.5s")]
    [InlineData("1 m")]
    [InlineData("1mm")]
    [InlineData("Minute")]
    [InlineData("999999999d999999999d")]
    public void TryParseDuration_InvalidText_Fails(string text) =>
        Assert.False(LimitsValues.TryParseDuration(text, out _));

    [Theory]
    [InlineData("1048576", 1_048_576L)]
    [InlineData("512KB", 524_288L)]
    [InlineData("100MB", 104_857_600L)]
    [InlineData("100 mb", 104_857_600L)]
    [InlineData("2GB", 2_147_483_648L)]
    public void TryParseSize_ValidText_GivesBytes(string text, long expected)
    {
        Assert.True(LimitsValues.TryParseSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("100TB")]
    [InlineData("1.5MB")]
    [InlineData("-1")]
    [InlineData("999999999999GB")]
    public void TryParseSize_InvalidText_Fails(string text) => Assert.False(LimitsValues.TryParseSize(text, out _));
}
