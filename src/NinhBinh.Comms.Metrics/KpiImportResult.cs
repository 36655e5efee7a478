using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>What an import did: new rows, rows already there, figures revised by a later retrieval, and figures refused.</summary>
public sealed class KpiImportResult
{
    internal KpiImportResult(int imported, int alreadyThere, IReadOnlyList<MetricObservation> replaced, IReadOnlyList<MetricObservation> keptEarlier)
    {
        Imported = imported;
        AlreadyThere = alreadyThere;
        Replaced = replaced;
        KeptEarlier = keptEarlier;
    }

    /// <summary>Rows that were new.</summary>
    public int Imported { get; }

    /// <summary>Rows that were already in the store with the same value (importing again never double-counts).</summary>
    public int AlreadyThere { get; }

    /// <summary>Figures that replaced an earlier one because their <see cref="MetricObservation.RetrievedAt"/> is later (platforms revise figures); the new rows.</summary>
    public IReadOnlyList<MetricObservation> Replaced { get; }

    /// <summary>Figures that differ from the stored one but are not retrieved later, so the stored one was kept; the refused rows.</summary>
    public IReadOnlyList<MetricObservation> KeptEarlier { get; }
}
