namespace Together.Generated.Runtime.Tests;

public sealed class KeyFingerprintTests
{
    [Fact]
    public void Of_KnownInput_IsFirstTwelveHexDigitsOfSha256() =>
        Assert.Equal("ba7816bf8f01", KeyFingerprint.Of("abc"));

    [Fact]
    public void Of_DifferentKeys_Differ() =>
        Assert.NotEqual(KeyFingerprint.Of("key-one"), KeyFingerprint.Of("key-two"));
}
