using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>What a record file (CSV or JSON) held: records of one kind, and every bad row.</summary>
public sealed class KpiRecordContent
{
    internal KpiRecordContent(KpiRecordKind kind, IReadOnlyList<object> records, IReadOnlyList<KpiCsvProblem> problems)
    {
        Kind = kind;
        Problems = problems;
        ContentItems = Of<KpiContentItem>(records);
        Topics = Of<KpiTopic>(records);
        Campaigns = Of<KpiCampaign>(records);
        Agencies = Of<KpiAgency>(records);
        TrainingRecords = Of<KpiTrainingRecord>(records);
        Count = records.Count;
    }

    /// <summary>The kind of records the file holds (from its header, or as asked for JSON).</summary>
    public KpiRecordKind Kind { get; }

    /// <summary>The good content items.</summary>
    public IReadOnlyList<KpiContentItem> ContentItems { get; }

    /// <summary>The good topics.</summary>
    public IReadOnlyList<KpiTopic> Topics { get; }

    /// <summary>The good campaigns.</summary>
    public IReadOnlyList<KpiCampaign> Campaigns { get; }

    /// <summary>The good agencies.</summary>
    public IReadOnlyList<KpiAgency> Agencies { get; }

    /// <summary>The good training records.</summary>
    public IReadOnlyList<KpiTrainingRecord> TrainingRecords { get; }

    /// <summary>How many good records there are.</summary>
    public int Count { get; }

    /// <summary>Every bad row, in file order.</summary>
    public IReadOnlyList<KpiCsvProblem> Problems { get; }

    /// <summary>Whether every row is good.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Imports the good records into a store with the import method of their kind.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>What the import did.</returns>
    public Task<KpiImportResult> ImportAsync(IKpiStore store, CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        return Kind switch
        {
            KpiRecordKind.ContentItems => store.ImportContentItemsAsync(ContentItems, cancellationToken),
            KpiRecordKind.Topics => store.ImportTopicsAsync(Topics, cancellationToken),
            KpiRecordKind.Campaigns => store.ImportCampaignsAsync(Campaigns, cancellationToken),
            KpiRecordKind.Agencies => store.ImportAgenciesAsync(Agencies, cancellationToken),
            _ => store.ImportTrainingAsync(TrainingRecords, cancellationToken),
        };
    }

    private static List<T> Of<T>(IReadOnlyList<object> records)
    {
        var result = new List<T>();
        foreach (var r in records)
        {
            if (r is T t)
            {
                result.Add(t);
            }
        }

        return result;
    }
}
