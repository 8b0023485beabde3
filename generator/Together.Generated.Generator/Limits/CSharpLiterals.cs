using System.Globalization;
using System.Text;

namespace Together.Generated.Generator.Limits;

/// <summary>C# literals for values from a user's file, so no value can break or change the emitted code.</summary>
internal static class CSharpLiterals
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    // Escape every control and non-ASCII character: line and paragraph separators would end
                    // the literal, and escapes keep the generated file plain ASCII.
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "D";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string TimeSpan(long milliseconds) =>
        $"global::System.TimeSpan.FromMilliseconds({milliseconds.ToString(CultureInfo.InvariantCulture)})";
}
