using System;
using System.IO;
using System.Xml;
using System.Xml.Schema;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The OASIS CAP 1.2 and 1.1 schemas, embedded and compiled once.</summary>
internal static class CapSchemas
{
    private static readonly Lazy<XmlSchemaSet> LazySet = new(Load);

    public static XmlSchemaSet Set => LazySet.Value;

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var name in new[] { "cap12.xsd", "cap11.xsd" })
        {
            using var stream = typeof(CapSchemas).Assembly.GetManifestResourceStream("NinhBinh.Comms.Broadcast.Cap." + name)
                ?? throw new InvalidOperationException("The embedded schema " + name + " is missing.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();
        return set;
    }

    /// <summary>Reads the embedded CAP 1.2 schema text (for tools such as xmllint).</summary>
    public static string Cap12Text()
    {
        using var stream = typeof(CapSchemas).Assembly.GetManifestResourceStream("NinhBinh.Comms.Broadcast.Cap.cap12.xsd")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
