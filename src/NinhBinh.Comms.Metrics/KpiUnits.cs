using System;
using System.Linq;

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

    /// <summary>
    /// Why <paramref name="code"/> cannot name a unit (not 2 or 5 digits, or unknown to the registry), as the end of a
    /// message that starts with the field's name; null when it is a known code.
    /// </summary>
    public static string? CodeProblem(AdministrativeUnitRegistry registry, string? code)
    {
        if (code is null || !(code.Length is 2 or 5) || !code.All(c => c >= '0' && c <= '9'))
        {
            var shown = code is null ? string.Empty : code.Length <= 40 ? code : code.Substring(0, 40) + "…";
            return $"'{shown}' is not a province (2 digits) or commune (5 digits) code";
        }

        return registry.GetVersions(code).Count == 0 ? $"{code} is not a known administrative unit" : null;
    }

    /// <summary>The province code of a unit in force (itself for a province).</summary>
    public static string ProvinceOf(AdministrativeUnit unit) => unit.Level == AdministrativeLevel.Province ? unit.Code : unit.ParentCode ?? unit.Code;
}
