using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Together.Generated;

/// <summary>A multipart/form-data body built anew for each attempt; file parts reopen their source.</summary>
public sealed class MultipartBody : RequestBody
{
    private readonly List<Func<HttpContent>> _parts = new();
    private readonly List<string> _names = new();

    /// <summary>Adds a text field; a null value adds nothing.</summary>
    public MultipartBody AddField(string name, string? value)
    {
        if (value is not null)
        {
            _names.Add(name);
            _parts.Add(() =>
            {
                // Quoted like the file parts: some form parsers refuse an unquoted name.
                var content = new StringContent(value);
                content.Headers.ContentType = null;
                content.Headers.ContentDisposition =
                    new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
                return content;
            });
        }

        return this;
    }

    /// <summary>Adds a file part; a null file adds nothing.</summary>
    public MultipartBody AddFile(string name, FileUpload? file)
    {
        if (file is not null)
        {
            _names.Add(name);
            _parts.Add(() =>
            {
                var content = new StreamContent(file.Open());
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                {
                    Name = Quote(name),
                    FileName = Quote(file.FileName),
                };
                return content;
            });
        }

        return this;
    }

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new MultipartFormDataContent();
        for (var i = 0; i < _parts.Count; i++)
        {
            var part = _parts[i]();
            if (part.Headers.ContentDisposition is null)
            {
                content.Add(part, _names[i]);
            }
            else
            {
                content.Add(part);
            }
        }

        return content;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\\\"") + "\"";
}
