using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Writes CAP 1.2: elements in the schema's order, date-times with their offset (<c>+07:00</c>, never <c>Z</c> or
/// fractions), UTF-8. The output of a model that <see cref="CapValidator"/> accepts is valid against the OASIS schema.
/// </summary>
public static class CapWriter
{
    /// <summary>Writes the alert as an indented UTF-8 CAP 1.2 document.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="stream">Where to write (left open).</param>
    public static void Write(CapAlert alert, Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var writer = XmlWriter.Create(stream, Settings(new UTF8Encoding(false)));
        Write(alert, writer);
    }

    /// <summary>Writes the alert to an <see cref="XmlWriter"/> (as an element; the caller owns the document).</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(CapAlert alert, XmlWriter writer)
    {
        if (alert is null)
        {
            throw new ArgumentNullException(nameof(alert));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var w = new Writer(writer);
        writer.WriteStartElement("alert", CapText.Cap12Namespace);
        w.Text("identifier", alert.Identifier);
        w.Text("sender", alert.Sender);
        w.Text("sent", CapText.FormatDateTime(alert.Sent));
        w.Text("status", alert.Status.ToString());
        w.Text("msgType", alert.MessageType.ToString());
        w.Text("source", alert.Source);
        w.Text("scope", alert.Scope.ToString());
        w.Text("restriction", alert.Restriction);
        w.Text("addresses", alert.Addresses);
        foreach (var code in alert.Codes)
        {
            w.Text("code", code);
        }

        w.Text("note", alert.Note);
        w.Text("references", alert.References);
        w.Text("incidents", alert.Incidents);
        foreach (var info in alert.Infos)
        {
            WriteInfo(w, info);
        }

        writer.WriteEndElement();
        writer.Flush();
    }

    /// <summary>The alert as CAP 1.2 XML text (with an XML declaration naming UTF-8).</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The document.</returns>
    public static string ToXml(CapAlert alert)
    {
        using var stream = new MemoryStream();
        Write(alert, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteInfo(Writer w, CapInfo info)
    {
        w.Start("info");
        w.Text("language", info.Language);
        foreach (var category in info.Categories)
        {
            w.Text("category", category.ToString());
        }

        w.Text("event", info.Event);
        foreach (var response in info.ResponseTypes)
        {
            w.Text("responseType", response.ToString());
        }

        w.Text("urgency", info.Urgency.ToString());
        w.Text("severity", info.Severity.ToString());
        w.Text("certainty", info.Certainty.ToString());
        w.Text("audience", info.Audience);
        w.Pairs("eventCode", info.EventCodes);
        w.Date("effective", info.Effective);
        w.Date("onset", info.Onset);
        w.Date("expires", info.Expires);
        w.Text("senderName", info.SenderName);
        w.Text("headline", info.Headline);
        w.Text("description", info.Description);
        w.Text("instruction", info.Instruction);
        w.Text("web", info.Web);
        w.Text("contact", info.Contact);
        w.Pairs("parameter", info.Parameters);
        foreach (var resource in info.Resources)
        {
            w.Start("resource");
            w.Text("resourceDesc", resource.Description);
            w.Text("mimeType", resource.MimeType);
            w.Text("size", resource.Size?.ToString(CultureInfo.InvariantCulture));
            w.Text("uri", resource.Uri);
            w.Text("derefUri", resource.DerefUri);
            w.Text("digest", resource.Digest);
            w.End();
        }

        foreach (var area in info.Areas)
        {
            w.Start("area");
            w.Text("areaDesc", area.Description);
            foreach (var polygon in area.Polygons)
            {
                w.Text("polygon", polygon.ToString());
            }

            foreach (var circle in area.Circles)
            {
                w.Text("circle", circle.ToString());
            }

            w.Pairs("geocode", area.Geocodes);
            w.Text("altitude", area.Altitude?.ToString(CultureInfo.InvariantCulture));
            w.Text("ceiling", area.Ceiling?.ToString(CultureInfo.InvariantCulture));
            w.End();
        }

        w.End();
    }

    private static XmlWriterSettings Settings(Encoding encoding) => new()
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
    };

    private readonly struct Writer
    {
        private readonly XmlWriter _xml;

        public Writer(XmlWriter xml) => _xml = xml;

        public void Start(string name) => _xml.WriteStartElement(name, CapText.Cap12Namespace);

        public void End() => _xml.WriteEndElement();

        public void Text(string name, string? value)
        {
            if (value is not null)
            {
                _xml.WriteElementString(name, CapText.Cap12Namespace, value);
            }
        }

        public void Date(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                Text(name, CapText.FormatDateTime(v));
            }
        }

        public void Pairs(string name, IReadOnlyList<CapNamedValue> pairs)
        {
            foreach (var pair in pairs)
            {
                Start(name);
                Text("valueName", pair.ValueName);
                Text("value", pair.Value);
                End();
            }
        }
    }
}
