using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>What a KPI CSV file held: observations or channels (told apart by the header), and every bad row.</summary>
public sealed class KpiCsvContent
{
    internal KpiCsvContent(bool isInventory, IReadOnlyList<MetricObservation> observations, IReadOnlyList<KpiChannel> channels, IReadOnlyList<KpiCsvProblem> problems)
    {
        IsInventory = isInventory;
        Observations = observations;
        Channels = channels;
        Problems = problems;
    }

    /// <summary>Whether the file is a channel inventory (else an observation file).</summary>
    public bool IsInventory { get; }

    /// <summary>The good observation rows.</summary>
    public IReadOnlyList<MetricObservation> Observations { get; }

    /// <summary>The good channel rows.</summary>
    public IReadOnlyList<KpiChannel> Channels { get; }

    /// <summary>Every bad row, in file order.</summary>
    public IReadOnlyList<KpiCsvProblem> Problems { get; }

    /// <summary>Whether every row is good.</summary>
    public bool IsValid => Problems.Count == 0;
}
