using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// Reads the start of an error response's body. An error page can be large (or, on a stream, endless); what the
/// exception needs fits in the first 64 KiB.
/// </summary>
internal static class BoundedBodyReader
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBytes];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
        }
    }
}
