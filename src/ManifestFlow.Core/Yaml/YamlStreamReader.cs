using System.Text.RegularExpressions;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Parses a YAML stream into documents whose nodes keep their exact spans. Works on YamlDotNet's
/// event stream (not its representation model, which loses alias positions and collection ends) with an
/// explicit stack, so depth is limited by <see cref="ReadLimits.MaxDepth"/>, never by the call stack.
/// </summary>
public static partial class YamlStreamReader
{
    public sealed record Result(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Diagnostic> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>Told of every file parsed in this async flow: lets tests count how often a run parses each input.</summary>
    internal static readonly AsyncLocal<Action<SourceFile>?> Observer = new();

    public static Result Read(SourceFile file, ReadLimits? limits = null)
    {
        Observer.Value?.Invoke(file);
        return ReadUnobserved(file, limits ?? ReadLimits.Default);
    }

    /// <summary>The node trees of a file read before (see <see cref="SourceDocument.Detached"/>).</summary>
    internal static IReadOnlyList<DocumentTree> ReadTrees(SourceFile file, ReadLimits limits) =>
        [.. ReadUnobserved(file, limits).Documents.Select(d => new DocumentTree(d.Root, d.AliasesByTarget))];

    private static Result ReadUnobserved(SourceFile file, ReadLimits limits)
    {
        var control = FindControlCharacter(file.Text);
        if (control >= 0)
        {
            return Fail(Catalog.ControlCharacter(file.LocationOf(control), file.Text[control]));
        }
        var documents = new List<SourceDocument>();
        var errors = new List<Diagnostic>();
        var parser = new Parser(new StringReader(file.Text));
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                if (documents.Count == limits.MaxDocuments)
                {
                    errors.Add(Catalog.TooManyDocuments(file.LocationOf((int)parser.Current!.Start.Index), limits.MaxDocuments));
                    break;
                }
                var document = ReadDocument(parser, file, documents.Count, limits, errors);
                if (document is null)
                {
                    break;
                }
                documents.Add(document);
            }
        }
        catch (YamlException e)
        {
            var message = CleanMessage(e.Message);
            var tab = message.Contains("tab", StringComparison.Ordinal) ? FindIndentationTab(file.Text) : -1;
            errors.Add(tab >= 0
                ? Catalog.Syntax(file.LocationOf(tab), "a tab is used for indentation; YAML allows only spaces there")
                : Catalog.Syntax(new SourceLocation(file.Path, new SourcePosition((int)e.End.Line, (int)e.End.Column)), message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            var at = parser.Current?.End.Index ?? 0;
            errors.Add(Catalog.Syntax(file.LocationOf((int)at), "malformed YAML after this point (an unclosed '[', '{' or quote?)"));
        }
        return new Result(documents, errors);
    }

    private static Result Fail(Diagnostic error) => new([], [error]);

    private static SourceDocument? ReadDocument(Parser parser, SourceFile file, int index, ReadLimits limits, List<Diagnostic> errors)
    {
        var start = parser.Consume<DocumentStart>();
        var builder = new TreeBuilder(file, limits);
        var root = builder.ReadNode(parser);
        if (builder.Error is not null)
        {
            errors.Add(builder.Error);
            return null;
        }
        var end = parser.Consume<DocumentEnd>();
        if (root is YScalar { Value: "", Style: ScalarStyle.Plain, Anchor: null, Tag: null })
        {
            root = null; // an empty or comment-only document
        }
        var startIndex = (int)start.Start.Index;
        var document = new SourceDocument(file, index, startIndex, Math.Max((int)end.End.Index, root?.End ?? startIndex), root, null)
        {
            AliasesByTarget = builder.AliasesByTarget,
        };
        var conversion = YamlToJson.Convert(document, limits);
        if (conversion.Error is not null)
        {
            errors.Add(conversion.Error);
            return null;
        }
        return document with { Value = conversion.Value };
    }

    private static int FindIndentationTab(string text)
    {
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t' && lineStart)
            {
                return i;
            }
            lineStart = c == '\n' || (lineStart && c == ' ');
        }
        return -1;
    }

    /// <summary>YamlDotNet prefixes messages with both marks; the diagnostic carries the position already.</summary>
    private static string CleanMessage(string message) => MarkPrefix().Replace(message, "");

    /// <summary>The index of the first character YAML forbids (C0 controls but tab and line breaks, DEL, C1 but NEL, U+FFFE/F).</summary>
    private static int FindControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c == 0x7F || (c is >= (char)0x80 and <= (char)0x9F && c != (char)0x85) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    private sealed class Frame(ParsingEvent start, bool isMapping)
    {
        public ParsingEvent Start { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public List<YNode> Children { get; } = [];
    }

    /// <summary>Builds one document's node tree from events, iteratively.</summary>
    private sealed class TreeBuilder(SourceFile file, ReadLimits limits)
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);

        public Dictionary<YNode, List<YAlias>> AliasesByTarget { get; } = [];

        public Diagnostic? Error { get; private set; }

        public YNode? ReadNode(Parser parser)
        {
            var stack = new Stack<Frame>();
            while (true)
            {
                var e = parser.Consume<ParsingEvent>();
                YNode? completed = null;
                switch (e)
                {
                    case Scalar s:
                        completed = MakeScalar(s);
                        break;
                    case AnchorAlias a:
                        if (!_anchors.TryGetValue(a.Value.Value, out var target))
                        {
                            Error = Catalog.UnknownAlias(file.LocationOf((int)a.Start.Index), a.Value.Value);
                            return null;
                        }
                        var alias = new YAlias((int)a.Start.Index, (int)a.End.Index, a.Value.Value, target);
                        if (!AliasesByTarget.TryGetValue(target, out var list))
                        {
                            AliasesByTarget[target] = list = [];
                        }
                        list.Add(alias);
                        completed = alias;
                        break;
                    case MappingStart or SequenceStart:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            Error = Catalog.TooDeep(file.LocationOf((int)e.Start.Index), limits.MaxDepth);
                            return null;
                        }
                        stack.Push(new Frame(e, e is MappingStart));
                        continue;
                    case MappingEnd or SequenceEnd:
                        // A flow collection's end event sits on its closing bracket, zero width.
                        completed = Close(stack.Pop(), (int)e.Start.Index + 1);
                        break;
                }
                if (completed is null)
                {
                    continue;
                }
                if (stack.Count == 0)
                {
                    return completed;
                }
                stack.Peek().Children.Add(completed);
            }
        }

        private YNode Close(Frame frame, int end)
        {
            YNode node;
            var start = (int)frame.Start.Start.Index;
            if (frame.Start is MappingStart m)
            {
                var entries = new List<YEntry>(frame.Children.Count / 2);
                for (var i = 0; i + 1 < frame.Children.Count; i += 2)
                {
                    entries.Add(new YEntry(frame.Children[i], frame.Children[i + 1]));
                }
                node = new YMapping(start, end, Name(m.Anchor), Tag(m.Tag), m.Style == MappingStyle.Flow, entries);
            }
            else
            {
                var s = (SequenceStart)frame.Start;
                node = new YSequence(start, end, Name(s.Anchor), Tag(s.Tag), s.Style == SequenceStyle.Flow, frame.Children);
            }
            foreach (var child in frame.Children)
            {
                child.Parent = node;
            }
            Register(node);
            return node;
        }

        private YScalar MakeScalar(Scalar s)
        {
            var start = (int)s.Start.Index;
            var valueStart = start;
            if (!s.Anchor.IsEmpty || !s.Tag.IsEmpty)
            {
                valueStart = SkipProperties(start, (int)s.End.Index);
            }
            var style = s.Style switch
            {
                YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
                YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
                YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
                YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
                _ => ScalarStyle.Plain,
            };
            var tag = Tag(s.Tag);
            var node = new YScalar(start, (int)s.End.Index, Name(s.Anchor), tag, s.Value, style, valueStart);
            Register(node);
            return node;
        }

        /// <summary>Skips "&amp;anchor" and "!tag" tokens before a scalar's text.</summary>
        private int SkipProperties(int i, int end)
        {
            var text = file.Text;
            while (i < end && text[i] is '&' or '!')
            {
                while (i < end && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            return Math.Min(i, end);
        }

        private void Register(YNode node)
        {
            if (node.Anchor is not null)
            {
                _anchors[node.Anchor] = node;
            }
        }

        private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static string? Tag(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? (tag.IsEmpty ? null : "!") : tag.Value;
    }
}
