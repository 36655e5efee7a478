using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>Maps unit codes of any date to the unit in force today (merged communes and provinces counted once).</summary>
internal static class KpiUnits
{
    /// <summary>
    /// The unit in force on <paramref name="today"/> that <paramref name="code"/> (as known on <paramref name="knownOn"/>,
    /// the figure's period end) became; null when it was split into several or cannot be resolved.
    /// </summary>
    public static AdministrativeUnit? Map(AdministrativeUnitRegistry registry, string code, DateTime knownOn, DateTime today)
    {
        try
        {
            var units = registry.Find(code, knownOn) is not null
                ? registry.Resolve(code, knownOn, today)
                : registry.TryResolve(code, today, out var resolved) ? resolved : Array.Empty<AdministrativeUnit>();
            return units.Count == 1 ? units[0] : null;
        }
        catch (AdministrativeUnitNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The province code of a unit in force (itself for a province).</summary>
    public static string ProvinceOf(AdministrativeUnit unit) => unit.Level == AdministrativeLevel.Province ? unit.Code : unit.ParentCode ?? unit.Code;
}
