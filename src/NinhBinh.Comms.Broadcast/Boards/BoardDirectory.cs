using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// Which board targets serve which communes, on which dates. Areas are administrative codes and are resolved with an
/// <see cref="AdministrativeUnitRegistry"/> on the day of the bulletin: a province code reaches every board of its
/// communes, and a code from before the 2025 reform (a district, a merged commune, Hà Nam or Nam Định) reaches the
/// boards of the units that succeeded it.
/// </summary>
/// <remarks>Fill it once at start-up; reading it from several threads at once is safe, adding while reading is not.</remarks>
public sealed class BoardDirectory
{
    private readonly List<BoardAssignment> _assignments = new();

    /// <summary>Creates an empty directory.</summary>
    /// <param name="registry">The administrative units; <see cref="AdministrativeUnitRegistry.Default"/> when <see langword="null"/>.</param>
    public BoardDirectory(AdministrativeUnitRegistry? registry = null)
    {
        Registry = registry ?? AdministrativeUnitRegistry.Default;
    }

    /// <summary>The administrative units the directory resolves areas with.</summary>
    public AdministrativeUnitRegistry Registry { get; }

    /// <summary>Every assignment, in the order added.</summary>
    public IReadOnlyList<BoardAssignment> Assignments => _assignments;

    /// <summary>Says that <paramref name="targetId"/> of <paramref name="system"/> serves the commune <paramref name="communeCode"/>.</summary>
    /// <param name="communeCode">The commune's 5-digit code, known to the registry.</param>
    /// <param name="system">The board system.</param>
    /// <param name="targetId">The target's id in that system (a Xibo display group id, an Anthias device id).</param>
    /// <param name="validFrom">The first day it holds, or <see langword="null"/> for always.</param>
    /// <param name="validTo">The last day it holds, or <see langword="null"/> for no end.</param>
    /// <returns>This directory, to chain calls.</returns>
    /// <exception cref="ArgumentException">The code is not a commune the registry knows, the target id is empty, or the dates are reversed.</exception>
    public BoardDirectory Add(string communeCode, IBoardSystem system, string targetId, DateTime? validFrom = null, DateTime? validTo = null)
    {
        if (system is null)
        {
            throw new ArgumentNullException(nameof(system));
        }

        if (string.IsNullOrWhiteSpace(communeCode))
        {
            throw new ArgumentException("communeCode: is empty.", nameof(communeCode));
        }

        communeCode = communeCode.Trim();
        var versions = Registry.GetVersions(communeCode);
        if (versions.Count == 0 || versions.Any(v => v.Level != AdministrativeLevel.Commune))
        {
            throw new ArgumentException($"communeCode: '{communeCode}' is not a commune of the registry ({Registry.Source.Split(';')[0]}).", nameof(communeCode));
        }

        if (string.IsNullOrWhiteSpace(targetId))
        {
            throw new ArgumentException("targetId: is empty.", nameof(targetId));
        }

        if (validFrom is { } from && validTo is { } to && to.Date < from.Date)
        {
            throw new ArgumentException($"validTo ({to:yyyy-MM-dd}) is before validFrom ({from:yyyy-MM-dd}).", nameof(validTo));
        }

        _assignments.Add(new BoardAssignment(communeCode, system, targetId.Trim(), validFrom, validTo));
        return this;
    }

    /// <summary>
    /// The targets that serve any of <paramref name="areaCodes"/> on <paramref name="date"/>, each once, in the order
    /// they were added.
    /// </summary>
    /// <param name="areaCodes">Administrative codes: communes, provinces, or codes of units that no longer exist.</param>
    /// <param name="date">The day (Vietnam date) the areas and assignments are read on.</param>
    /// <returns>The assignments; empty when no board serves the areas.</returns>
    public IReadOnlyList<BoardAssignment> Find(IEnumerable<string> areaCodes, DateTime date)
    {
        if (areaCodes is null)
        {
            throw new ArgumentNullException(nameof(areaCodes));
        }

        var areas = new HashSet<string>(Registry.ResolveCommunes(areaCodes, date).Select(c => c.Code), StringComparer.Ordinal);
        var found = new List<BoardAssignment>();
        var seen = new HashSet<(IBoardSystem, string)>();
        foreach (var assignment in _assignments)
        {
            if (!assignment.IsValidOn(date) || !Registry.TryResolve(assignment.CommuneCode, date, out var communes))
            {
                continue;
            }

            if (communes.Any(c => areas.Contains(c.Code))
                && seen.Add((assignment.System, assignment.TargetId)))
            {
                found.Add(assignment);
            }
        }

        return found;
    }
}
