using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Atom feeds of alerts (each entry embeds its CAP 1.2 alert as <c>content type="application/cap+xml"</c> and links to
/// it) and the EDXL-DE 1.0 envelope. Reading is as safe as <see cref="CapReader"/>: no DTD, nothing resolved or fetched.
/// </summary>
public static class CapFeed
{
    /// <summary>The Atom namespace.</summary>
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>The EDXL-DE 1.0 namespace.</summary>
    public const string EdxlDeNamespace = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

    /// <summary>The MIME type of a CAP alert.</summary>
    public const string CapMediaType = "application/cap+xml";

    /// <summary>Writes an Atom feed of alerts.</summary>
    /// <param name="feedId">The feed's id (a URI).</param>
    /// <param name="title">The feed's title.</param>
    /// <param name="alerts">The alerts, newest first is customary.</param>
    /// <param name="alertUri">The URI each alert is published at (the entry's link), or null for none.</param>
    /// <param name="updated">The feed's updated time (default: the newest sent).</param>
    /// <returns>The feed document.</returns>
    public static string WriteAtom(string feedId, string title, IEnumerable<CapAlert> alerts, Func<CapAlert, Uri>? alertUri = null, DateTimeOffset? updated = null)
    {
        var list = (alerts ?? throw new ArgumentNullException(nameof(alerts))).ToList();
        XNamespace atom = AtomNamespace;
        var feed = new XElement(atom + "feed",
            new XElement(atom + "id", feedId),
            new XElement(atom + "title", title),
            new XElement(atom + "updated", CapText.FormatDateTime(updated ?? (list.Count == 0 ? new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) : list.Max(a => a.Sent)))),
            list.Select(alert => new XElement(atom + "entry",
                new XElement(atom + "id", "urn:cap:" + Uri.EscapeDataString(alert.Sender) + ":" + Uri.EscapeDataString(alert.Identifier)),
                new XElement(atom + "title", alert.Infos.Count > 0 ? alert.Infos[0].Headline ?? alert.Infos[0].Event : alert.Identifier),
                new XElement(atom + "updated", CapText.FormatDateTime(alert.Sent)),
                new XElement(atom + "author", new XElement(atom + "name", alert.Sender)),
                alertUri is null ? null : new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapMediaType), new XAttribute("href", alertUri(alert).AbsoluteUri)),
                new XElement(atom + "content", new XAttribute("type", CapMediaType), XElement.Parse(CapWriter.ToXml(alert))))));
        return Serialize(feed);
    }

    /// <summary>Reads an Atom feed of alerts: every entry, with its embedded alert read and checked.</summary>
    /// <param name="xml">The feed.</param>
    /// <param name="options">Limits for the whole feed and each alert.</param>
    /// <returns>The entries; a feed that cannot be read gives a <see cref="CapReadResult"/>-style problem list instead.</returns>
    /// <exception cref="CapValidationException">The text is not a well-formed, DTD-free Atom feed.</exception>
    public static IReadOnlyList<CapFeedEntry> ReadAtom(string xml, CapReaderOptions? options = null)
    {
        var root = LoadSafe(xml, options);
        XNamespace atom = AtomNamespace;
        if (root.Name != atom + "feed")
        {
            throw Problem("feed", "atom.root", "the root element must be feed in namespace " + AtomNamespace);
        }

        return root.Elements(atom + "entry").Select(entry =>
        {
            var id = entry.Element(atom + "id")?.Value ?? string.Empty;
            var link = entry.Elements(atom + "link").FirstOrDefault(l => (string?)l.Attribute("type") == CapMediaType || (string?)l.Attribute("rel") == "alternate")?.Attribute("href")?.Value;
            var alert = entry.Element(atom + "content")?.Elements().FirstOrDefault();
            return new CapFeedEntry(id, link, alert is null ? null : CapReader.Parse(alert.ToString(SaveOptions.DisableFormatting), options));
        }).ToList();
    }

    /// <summary>Wraps an alert in an EDXL-DE 1.0 distribution envelope (one contentObject with the alert as embedded XML).</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="distributionId">The distributionID (default: the alert's identifier).</param>
    /// <returns>The EDXL-DE document.</returns>
    public static string WrapInEdxlDe(CapAlert alert, string? distributionId = null)
    {
        if (alert is null)
        {
            throw new ArgumentNullException(nameof(alert));
        }

        XNamespace de = EdxlDeNamespace;
        var status = alert.Status switch
        {
            CapStatus.Actual => "Actual",
            CapStatus.Exercise => "Exercise",
            CapStatus.System => "System",
            _ => "Test",
        };
        var type = alert.MessageType switch
        {
            CapMessageType.Update => "Update",
            CapMessageType.Cancel => "Cancel",
            CapMessageType.Ack => "Ack",
            CapMessageType.Error => "Error",
            _ => "Report",
        };
        var envelope = new XElement(de + "EDXLDistribution",
            new XElement(de + "distributionID", distributionId ?? alert.Identifier),
            new XElement(de + "senderID", alert.Sender),
            new XElement(de + "dateTimeSent", CapText.FormatDateTime(alert.Sent)),
            new XElement(de + "distributionStatus", status),
            new XElement(de + "distributionType", type),
            new XElement(de + "combinedConfidentiality", "UNCLASSIFIED AND NOT SENSITIVE"),
            new XElement(de + "contentObject",
                new XElement(de + "contentDescription", alert.Infos.Count > 0 ? alert.Infos[0].Headline ?? alert.Infos[0].Event : alert.Identifier),
                new XElement(de + "xmlContent",
                    new XElement(de + "embeddedXMLContent", XElement.Parse(CapWriter.ToXml(alert))))));
        return Serialize(envelope);
    }

    /// <summary>Takes the CAP alerts out of an EDXL-DE 1.0 envelope, each read and checked.</summary>
    /// <param name="xml">The envelope.</param>
    /// <param name="options">Limits.</param>
    /// <returns>The alerts found in <c>embeddedXMLContent</c>.</returns>
    /// <exception cref="CapValidationException">The text is not a well-formed, DTD-free EDXL-DE envelope.</exception>
    public static IReadOnlyList<CapReadResult> UnwrapEdxlDe(string xml, CapReaderOptions? options = null)
    {
        var root = LoadSafe(xml, options);
        XNamespace de = EdxlDeNamespace;
        if (root.Name != de + "EDXLDistribution")
        {
            throw Problem("EDXLDistribution", "edxl.root", "the root element must be EDXLDistribution in namespace " + EdxlDeNamespace);
        }

        return root.Elements(de + "contentObject").Elements(de + "xmlContent").Elements(de + "embeddedXMLContent").Elements()
            .Select(e => CapReader.Parse(e.ToString(SaveOptions.DisableFormatting), options)).ToList();
    }

    private static XElement LoadSafe(string xml, CapReaderOptions? options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = (options ?? CapReaderOptions.Default).MaxCharacters * 10,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml ?? throw new ArgumentNullException(nameof(xml))), settings);
            return XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            throw Problem(string.Empty, "xml.well-formed", "not a well-formed, DTD-free XML document: " + CapReader.OneLine(ex.Message));
        }
    }

    private static CapValidationException Problem(string path, string rule, string message) =>
        new(new CapValidationResult(new[] { new CapProblem(path, rule, message) }));

    private static string Serialize(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize }))
        {
            root.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
