using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Reads CAP 1.2 and 1.1 alerts (1.1 converted to 1.2) in any encoding their prolog declares, validating against the
/// embedded OASIS schemas and the CAP rules. Safe on hostile input: DTDs are prohibited, nothing is resolved or fetched
/// (no external entity, XInclude or schemaLocation), documents over <see cref="CapReaderOptions.MaxCharacters"/> are
/// rejected. Never throws for bad content: every problem is in <see cref="CapReadResult.Problems"/>.
/// </summary>
public static class CapReader
{
    /// <summary>Reads an alert from a stream (the encoding comes from the XML prolog, UTF-8 by default).</summary>
    /// <param name="stream">The document.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The alert and the problems found.</returns>
    public static CapReadResult Read(Stream stream, CapReaderOptions? options = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return Read(settings => XmlReader.Create(stream, settings), options ?? CapReaderOptions.Default);
    }

    /// <summary>Reads an alert from XML text.</summary>
    /// <param name="xml">The document.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The alert and the problems found.</returns>
    public static CapReadResult Parse(string xml, CapReaderOptions? options = null)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        return Read(settings => XmlReader.Create(new StringReader(xml), settings), options ?? CapReaderOptions.Default);
    }

    /// <summary>Reads an alert from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The alert and the problems found.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CapReadResult ReadFile(string path, CapReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, options);
    }

    private static CapReadResult Read(Func<XmlReaderSettings, XmlReader> open, CapReaderOptions options)
    {
        var problems = new List<CapProblem>();
        var path = new CapPath();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.AllowXmlAttributes,
            Schemas = CapSchemas.Set,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                problems.Add(new CapProblem(path.ToString(), "xsd", OneLine(e.Message)));
            }
        };

        XElement? root = null;
        try
        {
            using var reader = open(settings);
            root = Load(reader, path);
        }
        catch (XmlException ex)
        {
            var message = ex.Message;
            var rule = message.IndexOf("DTD", StringComparison.Ordinal) >= 0 || message.IndexOf("DOCTYPE", StringComparison.Ordinal) >= 0 ? "xml.dtd"
                : message.IndexOf("MaxCharacters", StringComparison.Ordinal) >= 0 ? "xml.size"
                : "xml.well-formed";
            var text = rule switch
            {
                "xml.dtd" => "a DTD (DOCTYPE) is not allowed in a CAP alert; nothing was resolved or fetched",
                "xml.size" => $"the document is larger than the limit of {options.MaxCharacters} characters",
                _ => "not well-formed XML: " + OneLine(message),
            };
            problems.Add(new CapProblem(path.ToString(), rule, text));
            return new CapReadResult(null, null, new CapValidationResult(problems));
        }
        catch (XmlSchemaException ex)
        {
            problems.Add(new CapProblem(path.ToString(), "xsd", OneLine(ex.Message)));
            return new CapReadResult(null, null, new CapValidationResult(problems));
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(new CapProblem(path.ToString(), "xml.encoding", "the bytes do not match the declared encoding: " + OneLine(ex.Message)));
            return new CapReadResult(null, null, new CapValidationResult(problems));
        }

        if (root is null)
        {
            problems.Add(new CapProblem(string.Empty, "xml.well-formed", "the document has no root element"));
            return new CapReadResult(null, null, new CapValidationResult(problems));
        }

        CapVersion? version = root.Name.NamespaceName switch
        {
            CapText.Cap12Namespace => CapVersion.Cap12,
            CapText.Cap11Namespace => CapVersion.Cap11,
            _ => null,
        };
        if (version is null || root.Name.LocalName != "alert")
        {
            problems.Insert(0, new CapProblem(root.Name.LocalName, "cap.namespace",
                $"the root element must be alert in namespace {CapText.Cap12Namespace} (or {CapText.Cap11Namespace}), not {root.Name.LocalName} in '{root.Name.NamespaceName}'"));
            return new CapReadResult(null, null, new CapValidationResult(problems));
        }

        if (version == CapVersion.Cap11)
        {
            if (!options.AllowCap11)
            {
                problems.Add(new CapProblem("alert", "cap.version", "CAP 1.1 is not accepted here; send CAP 1.2"));
                return new CapReadResult(null, version, new CapValidationResult(problems));
            }

            problems.Add(new CapProblem("alert", "cap.version", "read as CAP 1.1 and converted to CAP 1.2", CapProblemSeverity.Warning));
        }

        if (problems.Any(p => p.Severity == CapProblemSeverity.Error))
        {
            return new CapReadResult(null, version, new CapValidationResult(problems));
        }

        var alert = new Mapper(root.Name.Namespace, problems).Alert(root);
        if (options.CheckRules)
        {
            problems.AddRange(CapValidator.Validate(alert).Problems);
        }

        return new CapReadResult(problems.Any(p => p.Severity == CapProblemSeverity.Error && p.Rule.StartsWith("xsd", StringComparison.Ordinal)) ? null : alert,
            version, new CapValidationResult(problems));
    }

    private static XElement? Load(XmlReader reader, CapPath path)
    {
        XElement? root = null;
        var stack = new Stack<XElement>();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    var empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                            {
                                element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(element);
                    }
                    else
                    {
                        root ??= element;
                    }

                    path.Push(reader.LocalName);
                    if (empty)
                    {
                        path.Pop();
                    }
                    else
                    {
                        stack.Push(element);
                    }

                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    path.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XText(reader.Value));
                    }

                    break;
            }
        }

        return root;
    }

    internal static string OneLine(string message) => string.Join(" ", message.Split(CapText.Whitespace, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Maps a schema-valid element tree to the model; values the schema lets through but CAP cannot use are problems.</summary>
    private sealed class Mapper
    {
        private readonly XNamespace _ns;
        private readonly List<CapProblem> _problems;

        public Mapper(XNamespace ns, List<CapProblem> problems)
        {
            _ns = ns;
            _problems = problems;
        }

        public CapAlert Alert(XElement e)
        {
            const string p = "alert";
            return new CapAlert
            {
                Identifier = Text(e, "identifier") ?? string.Empty,
                Sender = Text(e, "sender") ?? string.Empty,
                Sent = Date(e, "sent", p) ?? default,
                Status = Enum<CapStatus>(e, "status", p) ?? CapStatus.Actual,
                MessageType = Enum<CapMessageType>(e, "msgType", p) ?? CapMessageType.Alert,
                Source = Text(e, "source"),
                Scope = Enum<CapScope>(e, "scope", p) ?? CapScope.Public,
                Restriction = Text(e, "restriction"),
                Addresses = Text(e, "addresses"),
                Codes = e.Elements(_ns + "code").Select(c => c.Value).ToArray(),
                Note = Text(e, "note"),
                References = Text(e, "references"),
                Incidents = Text(e, "incidents"),
                Infos = e.Elements(_ns + "info").Select((i, n) => Info(i, p + "/" + CapPath.Segment("info", n + 1))).ToArray(),
            };
        }

        private CapInfo Info(XElement e, string p) => new()
        {
            Language = Text(e, "language"),
            Categories = e.Elements(_ns + "category").Select((c, n) => Parse<CapCategory>(c.Value, p + "/" + CapPath.Segment("category", n + 1))).Where(c => c.HasValue).Select(c => c!.Value).ToArray(),
            Event = Text(e, "event") ?? string.Empty,
            ResponseTypes = e.Elements(_ns + "responseType").Select((c, n) => Parse<CapResponseType>(c.Value, p + "/" + CapPath.Segment("responseType", n + 1))).Where(c => c.HasValue).Select(c => c!.Value).ToArray(),
            Urgency = Enum<CapUrgency>(e, "urgency", p) ?? CapUrgency.Unknown,
            Severity = Enum<CapSeverity>(e, "severity", p) ?? CapSeverity.Unknown,
            Certainty = Certainty(e, p),
            Audience = Text(e, "audience"),
            EventCodes = Pairs(e, "eventCode"),
            Effective = Date(e, "effective", p),
            Onset = Date(e, "onset", p),
            Expires = Date(e, "expires", p),
            SenderName = Text(e, "senderName"),
            Headline = Text(e, "headline"),
            Description = Text(e, "description"),
            Instruction = Text(e, "instruction"),
            Web = Text(e, "web"),
            Contact = Text(e, "contact"),
            Parameters = Pairs(e, "parameter"),
            Resources = e.Elements(_ns + "resource").Select((r, n) => Resource(r, p + "/" + CapPath.Segment("resource", n + 1))).ToArray(),
            Areas = e.Elements(_ns + "area").Select((a, n) => Area(a, p + "/" + CapPath.Segment("area", n + 1))).ToArray(),
        };

        private CapResource Resource(XElement e, string p) => new()
        {
            Description = Text(e, "resourceDesc") ?? string.Empty,
            MimeType = Text(e, "mimeType") ?? string.Empty,
            Size = Text(e, "size") is { } size ? (long.TryParse(size.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : Bad<long>(p + "/size", "cap.number", "size must be a whole number of bytes")) : null,
            Uri = Text(e, "uri"),
            DerefUri = Text(e, "derefUri"),
            Digest = Text(e, "digest"),
        };

        private CapArea Area(XElement e, string p) => new()
        {
            Description = Text(e, "areaDesc") ?? string.Empty,
            Polygons = e.Elements(_ns + "polygon").Select((x, n) => CapPolygon.TryParse(x.Value, out var polygon) ? polygon
                : Bad<CapPolygon>(p + "/" + CapPath.Segment("polygon", n + 1), "cap.polygon", "a polygon is space-separated latitude,longitude pairs of decimal numbers")).Where(x => x is not null).Select(x => x!).ToArray(),
            Circles = e.Elements(_ns + "circle").Select((x, n) => CapCircle.TryParse(x.Value, out var circle) ? circle
                : Bad<CapCircle>(p + "/" + CapPath.Segment("circle", n + 1), "cap.circle", "a circle is 'latitude,longitude radius' in decimal numbers")).Where(x => x is not null).Select(x => x!).ToArray(),
            Geocodes = Pairs(e, "geocode"),
            Altitude = Decimal(e, "altitude", p),
            Ceiling = Decimal(e, "ceiling", p),
        };

        private CapCertainty Certainty(XElement e, string p)
        {
            var text = Text(e, "certainty");
            if (text == "Very Likely")
            {
                return CapCertainty.Likely; // CAP 1.1's "Very Likely" is "Likely" in 1.2.
            }

            return text is null ? CapCertainty.Unknown : Parse<CapCertainty>(text, p + "/certainty") ?? CapCertainty.Unknown;
        }

        private CapNamedValue[] Pairs(XElement e, string name) =>
            e.Elements(_ns + name).Select(x => new CapNamedValue(Text(x, "valueName") ?? string.Empty, Text(x, "value") ?? string.Empty)).ToArray();

        private string? Text(XElement e, string name) => e.Element(_ns + name)?.Value;

        private T? Enum<T>(XElement e, string name, string p)
            where T : struct
            => Text(e, name) is { } text ? Parse<T>(text, p + "/" + name) : null;

        private T? Parse<T>(string text, string p)
            where T : struct
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0 && char.IsLetter(trimmed[0]) && System.Enum.TryParse<T>(trimmed, ignoreCase: false, out var value))
            {
                return value;
            }

            _problems.Add(new CapProblem(p, "cap.value", $"'{Clip(trimmed)}' is not a {typeof(T).Name.Substring(3)} value of CAP 1.2"));
            return null;
        }

        private DateTimeOffset? Date(XElement e, string name, string p)
        {
            var text = Text(e, name);
            if (text is null)
            {
                return null;
            }

            if (CapText.TryParseDateTime(text, out var value))
            {
                return value;
            }

            _problems.Add(new CapProblem(p + "/" + name, "cap.datetime", $"'{Clip(text)}' is not a date-time of the form 2025-07-01T08:00:00+07:00"));
            return null;
        }

        private decimal? Decimal(XElement e, string name, string p)
        {
            var text = Text(e, name);
            if (text is null)
            {
                return null;
            }

            return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : Bad<decimal>(p + "/" + name, "cap.number", name + " must be a decimal number");
        }

        private T? Bad<T>(string p, string rule, string message)
        {
            _problems.Add(new CapProblem(p, rule, message));
            return default;
        }

        private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
