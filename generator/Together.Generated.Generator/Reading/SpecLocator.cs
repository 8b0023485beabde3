using System;
using System.IO;
using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Reading;

/// <summary>
/// Finds the line of a JSON pointer (<c>#/paths/~1files/get</c>) in a YAML or JSON text, so diagnostics
/// point at the place in the file. The text is parsed only when a diagnostic needs a line.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _text;
    private YamlNode? _root;
    private bool _parsed;

    public SpecLocator(string text) => _text = text;

    /// <summary>
    /// Zero-based line and column of the node at <paramref name="pointer"/>, or of its nearest ancestor.
    /// </summary>
    public (int Line, int Column) Find(string pointer)
    {
        var node = Root();
        if (node is null)
        {
            return (0, 0);
        }

        var best = node;
        foreach (var raw in pointer.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            YamlNode? next = null;
            if (node is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is YamlScalarNode key && key.Value == segment)
                    {
                        next = entry.Value;
                        best = entry.Key;
                        break;
                    }
                }
            }
            else if (node is YamlSequenceNode sequence && int.TryParse(segment, out var index) &&
                index >= 0 && index < sequence.Children.Count)
            {
                next = sequence.Children[index];
                best = next;
            }

            if (next is null)
            {
                break;
            }

            node = next;
        }

        return ((int)best.Start.Line - 1, (int)best.Start.Column - 1);
    }

    private YamlNode? Root()
    {
        if (!_parsed)
        {
            _parsed = true;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(_text));
                _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            }
            catch (Exception)
            {
                // The OpenAPI reader reports unreadable text itself; here a missing line only means line 1.
                _root = null;
            }
        }

        return _root;
    }
}
