using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One member of an agency's communication staff trained on a day (the <c>training-coverage</c> indicator: all
/// communication staff trained each year).
/// </summary>
/// <param name="AgencyCode">The agency (a known <see cref="KpiAgency"/>).</param>
/// <param name="StaffId">A pseudonymous staff id within the agency (never a name, phone number or national id).</param>
/// <param name="TrainedOn">The day of the training (Vietnam date).</param>
public sealed record KpiTrainingRecord(string AgencyCode, string StaffId, DateTime TrainedOn)
{
    /// <summary>The course, or null.</summary>
    public string? Course { get; init; }
}
