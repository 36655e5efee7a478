namespace NinhBinh.Comms.Metrics;

/// <summary>Where an indicator stands against its target on a date.</summary>
public enum IndicatorStatus
{
    /// <summary>The target is reached.</summary>
    Met = 0,

    /// <summary>Not reached yet, but the deadline has not passed and progress is at least proportional to the time elapsed since the plan began.</summary>
    OnTrack = 1,

    /// <summary>The deadline passed without the target, or progress lags the time elapsed, or there are no records to show progress.</summary>
    Behind = 2,
}
