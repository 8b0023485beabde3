using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Together.Benchmarks.Generation;

/// <summary>A file handed to the generator as an AdditionalFiles item, read from disk when the driver asks.</summary>
public sealed class AdditionalFile : AdditionalText
{
    public AdditionalFile(string path) => Path = path;

    public override string Path { get; }

    // Read on demand, inside the timed run: a compiler reads AdditionalFiles for the generator, too.
    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        SourceText.From(File.ReadAllText(Path));
}
