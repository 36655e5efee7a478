using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
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

        Node? root = null;
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

        CapVersion? version = root.Namespace switch
        {
            CapText.Cap12Namespace => CapVersion.Cap12,
            CapText.Cap11Namespace => CapVersion.Cap11,
            _ => null,
        };
        if (version is null || root.Name != "alert")
        {
            problems.Insert(0, new CapProblem(root.Name, "cap.namespace",
                $"the root element must be alert in namespace {CapText.Cap12Namespace} (or {CapText.Cap11Namespace}), not {root.Name} in '{root.Namespace}'"));
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

        var alert = new Mapper(problems).Alert(root);
        if (options.CheckRules)
        {
            problems.AddRange(CapValidator.Validate(alert).Problems);
        }

        return new CapReadResult(problems.Any(p => p.Severity == CapProblemSeverity.Error && p.Rule.StartsWith("xsd", StringComparison.Ordinal)) ? null : alert,
            version, new CapValidationResult(problems));
    }

    /// <summary>
    /// Reads the validating reader to its end into a light tree of the root's namespace (elements of other namespaces,
    /// such as an XML-DSig signature, are validated by the reader but not kept), tracking the element path for problems.
    /// </summary>
    private static Node? Load(XmlReader reader, CapPath path)
    {
        Node? root = null;
        var stack = new Stack<Node>();
        var skipDepth = 0; // > 0 while inside an element that is not kept
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    path.Push(reader.LocalName);
                    if (root is null)
                    {
                        root = new Node(reader.LocalName, reader.NamespaceURI);
                        if (!empty)
                        {
                            stack.Push(root);
                        }
                    }
                    else if (skipDepth > 0 || stack.Count == 0 || !ReferenceEquals(reader.NamespaceURI, root.Namespace) && reader.NamespaceURI != root.Namespace)
                    {
                        if (!empty)
                        {
                            skipDepth++;
                        }
                    }
                    else
                    {
                        var node = new Node(reader.LocalName, root.Namespace);
                        stack.Peek().Add(node);
                        if (!empty)
                        {
                            stack.Push(node);
                        }
                    }

                    if (empty)
                    {
                        path.Pop();
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (skipDepth > 0)
                    {
                        skipDepth--;
                    }
                    else if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    path.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    if (skipDepth == 0 && stack.Count > 0)
                    {
                        stack.Peek().AppendText(reader.Value);
                    }

                    break;
            }
        }

        return root;
    }

    /// <summary>An element of the alert: its local name, its text (all text children joined) and its child elements.</summary>
    private sealed class Node
    {
        private static readonly List<Node> NoChildren = new();
        private List<Node>? _children;

        public Node(string name, string ns)
        {
            Name = name;
            Namespace = ns;
        }

        public string Name { get; }

        public string Namespace { get; }

        public string Text { get; private set; } = string.Empty;

        public List<Node> Children => _children ?? NoChildren;

        public void Add(Node child) => (_children ??= new List<Node>()).Add(child);

        public void AppendText(string text) => Text = Text.Length == 0 ? text : Text + text;
    }

    internal static string OneLine(string message) => string.Join(" ", message.Split(CapText.Whitespace, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Maps a schema-valid element tree to the model; values the schema lets through but CAP cannot use are problems.</summary>
    private sealed class Mapper
    {
        private readonly List<CapProblem> _problems;

        public Mapper(List<CapProblem> problems)
        {
            _problems = problems;
        }

        public CapAlert Alert(Node e)
        {
            const string p = "alert";
            string? identifier = null, sender = null, sent = null, status = null, msgType = null, source = null, scope = null, restriction = null;
            string? addresses = null, note = null, references = null, incidents = null;
            List<string>? codes = null;
            List<Node>? infos = null;
            foreach (var c in e.Children)
            {
                switch (c.Name)
                {
                    case "identifier": identifier ??= c.Text; break;
                    case "sender": sender ??= c.Text; break;
                    case "sent": sent ??= c.Text; break;
                    case "status": status ??= c.Text; break;
                    case "msgType": msgType ??= c.Text; break;
                    case "source": source ??= c.Text; break;
                    case "scope": scope ??= c.Text; break;
                    case "restriction": restriction ??= c.Text; break;
                    case "addresses": addresses ??= c.Text; break;
                    case "code": (codes ??= new List<string>()).Add(c.Text); break;
                    case "note": note ??= c.Text; break;
                    case "references": references ??= c.Text; break;
                    case "incidents": incidents ??= c.Text; break;
                    case "info": (infos ??= new List<Node>()).Add(c); break;
                }
            }

            var infoModels = new CapInfo[infos?.Count ?? 0];
            for (var i = 0; i < infoModels.Length; i++)
            {
                infoModels[i] = Info(infos![i], p + "/" + CapPath.Segment("info", i + 1));
            }

            return new CapAlert
            {
                Identifier = identifier ?? string.Empty,
                Sender = sender ?? string.Empty,
                Sent = Date(sent, p, "sent") ?? default,
                Status = Enum<CapStatus>(status, p, "status") ?? CapStatus.Actual,
                MessageType = Enum<CapMessageType>(msgType, p, "msgType") ?? CapMessageType.Alert,
                Source = source,
                Scope = Enum<CapScope>(scope, p, "scope") ?? CapScope.Public,
                Restriction = restriction,
                Addresses = addresses,
                Codes = codes?.ToArray() ?? Array.Empty<string>(),
                Note = note,
                References = references,
                Incidents = incidents,
                Infos = infoModels,
            };
        }

        private CapInfo Info(Node e, string p)
        {
            string? language = null, @event = null, urgency = null, severity = null, certainty = null, audience = null, effective = null, onset = null;
            string? expires = null, senderName = null, headline = null, description = null, instruction = null, web = null, contact = null;
            List<CapCategory>? categories = null;
            List<CapResponseType>? responseTypes = null;
            List<CapNamedValue>? eventCodes = null, parameters = null;
            List<CapResource>? resources = null;
            List<CapArea>? areas = null;
            int categoryIndex = 0, responseIndex = 0;
            foreach (var c in e.Children)
            {
                switch (c.Name)
                {
                    case "language": language ??= c.Text; break;
                    case "category":
                        categoryIndex++;
                        if (Parse<CapCategory>(c.Text, p, "category", categoryIndex) is { } category)
                        {
                            (categories ??= new List<CapCategory>()).Add(category);
                        }

                        break;
                    case "event": @event ??= c.Text; break;
                    case "responseType":
                        responseIndex++;
                        if (Parse<CapResponseType>(c.Text, p, "responseType", responseIndex) is { } response)
                        {
                            (responseTypes ??= new List<CapResponseType>()).Add(response);
                        }

                        break;
                    case "urgency": urgency ??= c.Text; break;
                    case "severity": severity ??= c.Text; break;
                    case "certainty": certainty ??= c.Text; break;
                    case "audience": audience ??= c.Text; break;
                    case "eventCode": (eventCodes ??= new List<CapNamedValue>()).Add(Pair(c)); break;
                    case "effective": effective ??= c.Text; break;
                    case "onset": onset ??= c.Text; break;
                    case "expires": expires ??= c.Text; break;
                    case "senderName": senderName ??= c.Text; break;
                    case "headline": headline ??= c.Text; break;
                    case "description": description ??= c.Text; break;
                    case "instruction": instruction ??= c.Text; break;
                    case "web": web ??= c.Text; break;
                    case "contact": contact ??= c.Text; break;
                    case "parameter": (parameters ??= new List<CapNamedValue>()).Add(Pair(c)); break;
                    case "resource":
                        resources ??= new List<CapResource>();
                        resources.Add(Resource(c, p + "/" + CapPath.Segment("resource", resources.Count + 1)));
                        break;
                    case "area":
                        areas ??= new List<CapArea>();
                        areas.Add(Area(c, p + "/" + CapPath.Segment("area", areas.Count + 1)));
                        break;
                }
            }

            return new CapInfo
            {
                Language = language,
                Categories = categories?.ToArray() ?? Array.Empty<CapCategory>(),
                Event = @event ?? string.Empty,
                ResponseTypes = responseTypes?.ToArray() ?? Array.Empty<CapResponseType>(),
                Urgency = Enum<CapUrgency>(urgency, p, "urgency") ?? CapUrgency.Unknown,
                Severity = Enum<CapSeverity>(severity, p, "severity") ?? CapSeverity.Unknown,
                Certainty = Certainty(certainty, p),
                Audience = audience,
                EventCodes = eventCodes?.ToArray() ?? Array.Empty<CapNamedValue>(),
                Effective = Date(effective, p, "effective"),
                Onset = Date(onset, p, "onset"),
                Expires = Date(expires, p, "expires"),
                SenderName = senderName,
                Headline = headline,
                Description = description,
                Instruction = instruction,
                Web = web,
                Contact = contact,
                Parameters = parameters?.ToArray() ?? Array.Empty<CapNamedValue>(),
                Resources = resources?.ToArray() ?? Array.Empty<CapResource>(),
                Areas = areas?.ToArray() ?? Array.Empty<CapArea>(),
            };
        }

        private CapResource Resource(Node e, string p)
        {
            string? description = null, mimeType = null, size = null, uri = null, derefUri = null, digest = null;
            foreach (var c in e.Children)
            {
                switch (c.Name)
                {
                    case "resourceDesc": description ??= c.Text; break;
                    case "mimeType": mimeType ??= c.Text; break;
                    case "size": size ??= c.Text; break;
                    case "uri": uri ??= c.Text; break;
                    case "derefUri": derefUri ??= c.Text; break;
                    case "digest": digest ??= c.Text; break;
                }
            }

            return new CapResource
            {
                Description = description ?? string.Empty,
                MimeType = mimeType ?? string.Empty,
                Size = size is null ? null
                    : long.TryParse(size.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
                    : Bad<long>(p + "/size", "cap.number", "size must be a whole number of bytes"),
                Uri = uri,
                DerefUri = derefUri,
                Digest = digest,
            };
        }

        private CapArea Area(Node e, string p)
        {
            string? description = null, altitude = null, ceiling = null;
            List<CapPolygon>? polygons = null;
            List<CapCircle>? circles = null;
            List<CapNamedValue>? geocodes = null;
            int polygonIndex = 0, circleIndex = 0;
            foreach (var c in e.Children)
            {
                switch (c.Name)
                {
                    case "areaDesc": description ??= c.Text; break;
                    case "polygon":
                        polygonIndex++;
                        if (CapPolygon.TryParse(c.Text, out var polygon))
                        {
                            (polygons ??= new List<CapPolygon>()).Add(polygon!);
                        }
                        else
                        {
                            Bad<CapPolygon>(p + "/" + CapPath.Segment("polygon", polygonIndex), "cap.polygon", "a polygon is space-separated latitude,longitude pairs of decimal numbers");
                        }

                        break;
                    case "circle":
                        circleIndex++;
                        if (CapCircle.TryParse(c.Text, out var circle))
                        {
                            (circles ??= new List<CapCircle>()).Add(circle!);
                        }
                        else
                        {
                            Bad<CapCircle>(p + "/" + CapPath.Segment("circle", circleIndex), "cap.circle", "a circle is 'latitude,longitude radius' in decimal numbers");
                        }

                        break;
                    case "geocode": (geocodes ??= new List<CapNamedValue>()).Add(Pair(c)); break;
                    case "altitude": altitude ??= c.Text; break;
                    case "ceiling": ceiling ??= c.Text; break;
                }
            }

            return new CapArea
            {
                Description = description ?? string.Empty,
                Polygons = polygons?.ToArray() ?? Array.Empty<CapPolygon>(),
                Circles = circles?.ToArray() ?? Array.Empty<CapCircle>(),
                Geocodes = geocodes?.ToArray() ?? Array.Empty<CapNamedValue>(),
                Altitude = Decimal(altitude, p, "altitude"),
                Ceiling = Decimal(ceiling, p, "ceiling"),
            };
        }

        private static CapNamedValue Pair(Node e)
        {
            string? name = null, value = null;
            foreach (var c in e.Children)
            {
                switch (c.Name)
                {
                    case "valueName": name ??= c.Text; break;
                    case "value": value ??= c.Text; break;
                }
            }

            return new CapNamedValue(name ?? string.Empty, value ?? string.Empty);
        }

        private CapCertainty Certainty(string? text, string p)
        {
            if (text == "Very Likely")
            {
                return CapCertainty.Likely; // CAP 1.1's "Very Likely" is "Likely" in 1.2.
            }

            return text is null ? CapCertainty.Unknown : Parse<CapCertainty>(text, p, "certainty", 0) ?? CapCertainty.Unknown;
        }

        private T? Enum<T>(string? text, string p, string name)
            where T : struct
            => text is null ? null : Parse<T>(text, p, name, 0);

        /// <summary>Parses an enumeration value; the problem's path (<paramref name="p"/>/<paramref name="name"/>[index]) is made only on failure.</summary>
        private T? Parse<T>(string text, string p, string name, int index)
            where T : struct
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0 && char.IsLetter(trimmed[0]) && System.Enum.TryParse<T>(trimmed, ignoreCase: false, out var value))
            {
                return value;
            }

            var path = p + "/" + (index == 0 ? name : CapPath.Segment(name, index));
            _problems.Add(new CapProblem(path, "cap.value", $"'{Clip(trimmed)}' is not a {typeof(T).Name.Substring(3)} value of CAP 1.2"));
            return null;
        }

        private DateTimeOffset? Date(string? text, string p, string name)
        {
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

        private decimal? Decimal(string? text, string p, string name)
        {
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
