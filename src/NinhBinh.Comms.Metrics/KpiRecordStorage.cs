using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// What both stores do alike for content items, topics, campaigns, agencies and training records: they keep each
/// record's canonical row (<see cref="KpiRecordCsv"/>) under its kind and key, with the unit in force, its province
/// and a day (publication or training) for selecting; references are checked before anything is written.
/// </summary>
internal static class KpiRecordStorage
{
    public const string ContentKind = "content";
    public const string TopicKind = "topic";
    public const string CampaignKind = "campaign";
    public const string AgencyKind = "agency";
    public const string TrainingKind = "training";

    /// <summary>A record ready to write.</summary>
    public sealed record Row(string Kind, string Key, string Body, string? Unit, string? Province, DateTime? Day);

    /// <summary>
    /// Turns records into rows: units mapped to the unit in force (content items as of their publication day, agencies
    /// as of today), references checked against the keys already stored.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown topic, campaign or agency, or a unit that maps to no unit in force; nothing is written.</exception>
    public static List<Row> Prepare<T>(IEnumerable<T> records, AdministrativeUnitRegistry registry, DateTime today, Func<string, ISet<string>> storedKeys, string parameterName)
        where T : class
    {
        if (records is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var rows = new List<Row>();
        var kind = KindName(KpiRecordCsv.KindOf(typeof(T)));
        foreach (var record in records)
        {
            string? unit = null, province = null;
            DateTime? day = null;
            switch (record)
            {
                case KpiContentItem item:
                    day = VietnamTime.ToVietnamTime(item.PublishedAt).Date;
                    var topics = storedKeys(TopicKind);
                    foreach (var topic in item.Topics)
                    {
                        if (!topics.Contains(topic))
                        {
                            throw new ArgumentException($"content item {item.Id} names the topic '{topic}', which is not in the store: import the topics first; nothing was imported.", parameterName);
                        }
                    }

                    if (item.Campaign is { } campaign && !storedKeys(CampaignKind).Contains(campaign))
                    {
                        throw new ArgumentException($"content item {item.Id} names the campaign '{campaign}', which is not in the store: import the campaigns first; nothing was imported.", parameterName);
                    }

                    (unit, province) = Map(registry, item.UnitCode, day.Value, today, parameterName);
                    break;
                case KpiAgency agency:
                    (unit, province) = Map(registry, agency.UnitCode, today, today, parameterName);
                    break;
                case KpiTrainingRecord training:
                    day = training.TrainedOn.Date;
                    if (!storedKeys(AgencyKind).Contains(training.AgencyCode))
                    {
                        throw new ArgumentException($"a training record names the agency '{training.AgencyCode}', which is not in the store: import the agencies first; nothing was imported.", parameterName);
                    }

                    break;
            }

            rows.Add(new Row(kind, KpiRecordCsv.Key(record), KpiRecordCsv.ToStored(record), unit, province, day));
        }

        return rows;
    }

    public static string KindName(KpiRecordKind kind) => kind switch
    {
        KpiRecordKind.ContentItems => ContentKind,
        KpiRecordKind.Topics => TopicKind,
        KpiRecordKind.Campaigns => CampaignKind,
        KpiRecordKind.Agencies => AgencyKind,
        _ => TrainingKind,
    };

    private static (string Unit, string Province) Map(AdministrativeUnitRegistry registry, string code, DateTime knownOn, DateTime today, string parameterName)
    {
        var unit = KpiUnits.Map(registry, code, knownOn, today)
            ?? throw new ArgumentException($"unit_code {code} does not map to one unit in force (unknown, or split); nothing was imported.", parameterName);
        return (unit.Code, KpiUnits.ProvinceOf(unit));
    }
}
