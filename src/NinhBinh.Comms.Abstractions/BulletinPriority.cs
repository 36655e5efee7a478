namespace NinhBinh.Comms;

/// <summary>
/// The three priority tiers that bulletins from the provincial information-source system carry
/// (Thông tư 39/2020/TT-BTTTT).
/// </summary>
public enum BulletinPriority
{
    /// <summary>
    /// Bản tin thông thường: the commune decides whether and when to put it into its broadcast schedule.
    /// </summary>
    Normal = 0,

    /// <summary>
    /// Bản tin ưu tiên: played first within the programme; clashes with the commune's own priority bulletins
    /// are ordered by the commune.
    /// </summary>
    Priority = 1,

    /// <summary>
    /// Bản tin khẩn cấp: played immediately (disasters, fires, epidemics), pre-empting everything else.
    /// </summary>
    Emergency = 2,
}
