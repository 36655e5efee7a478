namespace NinhBinh.Comms.Metrics;

/// <summary>The kinds of KPI records beside observations and channels, each with its CSV header and JSON Schema.</summary>
public enum KpiRecordKind
{
    /// <summary>Content items (<see cref="KpiContentItem"/>).</summary>
    ContentItems = 0,

    /// <summary>Topics (<see cref="KpiTopic"/>).</summary>
    Topics = 1,

    /// <summary>Campaigns (<see cref="KpiCampaign"/>).</summary>
    Campaigns = 2,

    /// <summary>Agencies (<see cref="KpiAgency"/>).</summary>
    Agencies = 3,

    /// <summary>Training records (<see cref="KpiTrainingRecord"/>).</summary>
    Training = 4,
}
