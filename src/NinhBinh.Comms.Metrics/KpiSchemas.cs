using System;
using System.Collections.Generic;
using System.IO;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The published JSON Schemas (draft 2020-12) of the KPI exchange formats: <c>observation</c>, <c>channel</c>,
/// <c>report</c>, <c>content-item</c>, <c>topic</c>, <c>campaign</c>, <c>agency</c> and <c>training-record</c>. Also shipped in the package under <c>schemas/</c> and on the docs site.
/// </summary>
public static class KpiSchemas
{
    /// <summary>The schema names.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "observation", "channel", "report", "content-item", "topic", "campaign", "agency", "training-record" };

    /// <summary>Opens a schema.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The schema's UTF-8 JSON.</returns>
    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static Stream Open(string name)
    {
        if (name is null || Array.IndexOf((string[])Names, name) < 0)
        {
            throw new ArgumentException($"'{name}' is not a KPI schema; known: {string.Join(", ", Names)}.", nameof(name));
        }

        return typeof(KpiSchemas).Assembly.GetManifestResourceStream($"NinhBinh.Comms.Metrics.Schemas.{name}.schema.json")!;
    }
}
