using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Together.Generated;

/// <summary>
/// A request body that can be turned into fresh <see cref="HttpContent"/> for every attempt, so a retry
/// never sends a consumed stream.
/// </summary>
public abstract class RequestBody
{
    /// <summary>Creates new content for one attempt.</summary>
    public abstract HttpContent CreateContent();

    /// <summary>A JSON body; it is serialized once and the bytes reused for every attempt.</summary>
    public static RequestBody Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new JsonRequestBody(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    private sealed class JsonRequestBody : RequestBody
    {
        private readonly byte[] _utf8;

        public JsonRequestBody(byte[] utf8) => _utf8 = utf8;

        public override HttpContent CreateContent()
        {
            var content = new ByteArrayContent(_utf8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
    }
}
