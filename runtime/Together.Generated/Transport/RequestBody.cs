using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// This body with its top-level <c>model</c> set to <paramref name="model"/>, for a fallback attempt; null when
    /// the body is not a JSON object. The caller's request object is left as it was.
    /// </summary>
    internal virtual RequestBody? WithModel(string model) => null;

    /// <summary>The body's size in bytes when known up front (JSON bodies), for estimating a prompt's tokens.</summary>
    internal virtual long? Length => null;

    private sealed class JsonRequestBody : RequestBody
    {
        private readonly byte[] _utf8;

        public JsonRequestBody(byte[] utf8) => _utf8 = utf8;

        internal override long? Length => _utf8.LongLength;

        // Through a JsonNode, not the typed object: the model's C# type varies by spec (string, open enum, union),
        // and the caller's object must not change under them.
        internal override RequestBody? WithModel(string model)
        {
            if (JsonNode.Parse(_utf8) is not JsonObject body)
            {
                return null;
            }

            body["model"] = model;
            return new JsonRequestBody(Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        public override HttpContent CreateContent()
        {
            // As wire text, sent as it is, rather than a header object formatted again on every send.
            var content = new ByteArrayContent(_utf8);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return content;
        }
    }
}
