using System;
using System.IO;

namespace Together.Generated;

/// <summary>
/// A file to upload in a multipart body. It holds a way to open the data, not the data itself, so a
/// retry reopens the source and a large file is streamed, never buffered whole.
/// </summary>
public sealed class FileUpload
{
    private readonly Func<Stream> _open;

    private FileUpload(Func<Stream> open, string fileName, string contentType)
    {
        _open = open;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file name sent in the part's Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The part's content type; <c>application/octet-stream</c> unless given.</summary>
    public string ContentType { get; }

    /// <summary>Opens the data for one attempt; the caller disposes the stream.</summary>
    public Stream Open() => _open();

    /// <summary>A file on disk, reopened for every attempt. The file name defaults to the path's file name.</summary>
    public static FileUpload FromPath(string path, string? fileName = null, string? contentType = null)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A file path is required.", nameof(path));
        }

        return new FileUpload(
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true),
            fileName ?? Path.GetFileName(path),
            contentType ?? "application/octet-stream");
    }

    /// <summary>A source opened by <paramref name="open"/> once per attempt.</summary>
    public static FileUpload FromStreamFactory(Func<Stream> open, string fileName, string? contentType = null) =>
        new(open ?? throw new ArgumentNullException(nameof(open)), fileName, contentType ?? "application/octet-stream");

    /// <summary>Bytes held in memory.</summary>
    public static FileUpload FromBytes(byte[] data, string fileName, string? contentType = null) =>
        FromStreamFactory(() => new MemoryStream(data, writable: false), fileName, contentType);
}
