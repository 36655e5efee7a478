using System;
using System.Collections.Generic;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// One version of an administrative unit: its code, name, level and parent over a validity window. A code can have
/// several versions (Ninh Bình, 37, before and after 2025-07-01); a unit that ended names its successors.
/// </summary>
public sealed class AdministrativeUnit
{
    /// <summary>Creates a unit version.</summary>
    /// <param name="code">The official code: 2 digits (province), 3 (district) or 5 (commune), matching <paramref name="level"/>.</param>
    /// <param name="name">The full official name, for example "Phường Hoa Lư".</param>
    /// <param name="level">The level.</param>
    /// <param name="parentCode">The code of the unit it belongs to, or <see langword="null"/> for a province.</param>
    /// <param name="validFrom">The first day it is valid, or <see langword="null"/> when not recorded.</param>
    /// <param name="validTo">The last day it is valid, or <see langword="null"/> while it is current.</param>
    /// <param name="successorCodes">The codes of the units that took it over when it ended.</param>
    /// <exception cref="ArgumentException">A value is malformed; the message names it.</exception>
    public AdministrativeUnit(string code, string name, AdministrativeLevel level, string? parentCode = null,
        DateTime? validFrom = null, DateTime? validTo = null, IEnumerable<string>? successorCodes = null)
    {
        Guard.NotNullOrWhiteSpace(code);
        Guard.NotNullOrWhiteSpace(name);
        if (!IsWellFormedCode(code, level))
        {
            throw new ArgumentException($"'{code}' is not a {level} code ({ExpectedDigits(level)} digits).", nameof(code));
        }

        if (level == AdministrativeLevel.Province ? parentCode is not null : string.IsNullOrWhiteSpace(parentCode))
        {
            throw new ArgumentException(level == AdministrativeLevel.Province
                ? "A province has no parent."
                : $"A {level} needs a parent code.", nameof(parentCode));
        }

        if (validFrom is { } from && validTo is { } to && to.Date < from.Date)
        {
            throw new ArgumentException($"validTo ({to:yyyy-MM-dd}) is before validFrom ({from:yyyy-MM-dd}).", nameof(validTo));
        }

        var successors = successorCodes is null ? new List<string>() : new List<string>(successorCodes);
        foreach (var successor in successors)
        {
            if (string.IsNullOrWhiteSpace(successor) || successor.Length is not (2 or 3 or 5) || !AllDigits(successor))
            {
                throw new ArgumentException($"Successor '{successor}' of unit {code} is not an administrative code.", nameof(successorCodes));
            }
        }

        if (successors.Count > 0 && validTo is null)
        {
            throw new ArgumentException($"Unit {code} names successors but has no validTo date.", nameof(successorCodes));
        }

        Code = code;
        Name = name.Trim();
        Level = level;
        ParentCode = parentCode;
        ValidFrom = validFrom?.Date;
        ValidTo = validTo?.Date;
        SuccessorCodes = successors.ToArray();
    }

    /// <summary>The official code.</summary>
    public string Code { get; }

    /// <summary>The full official name.</summary>
    public string Name { get; }

    /// <summary>The level.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>The parent unit's code, or <see langword="null"/> for a province.</summary>
    public string? ParentCode { get; }

    /// <summary>The first day of validity (a Vietnam calendar date), or <see langword="null"/> when not recorded.</summary>
    public DateTime? ValidFrom { get; }

    /// <summary>The last day of validity (inclusive), or <see langword="null"/> while current.</summary>
    public DateTime? ValidTo { get; }

    /// <summary>The units that took this one over when it ended; empty while current.</summary>
    public IReadOnlyList<string> SuccessorCodes { get; }

    /// <summary>Whether this version is valid on a calendar date.</summary>
    /// <param name="date">The date (time of day ignored).</param>
    /// <returns><see langword="true"/> when <see cref="ValidFrom"/> ≤ date ≤ <see cref="ValidTo"/> (open ends allowed).</returns>
    public bool IsValidOn(DateTime date)
        => (ValidFrom is null || ValidFrom.Value <= date.Date) && (ValidTo is null || date.Date <= ValidTo.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";

    internal static bool IsWellFormedCode(string code, AdministrativeLevel level)
        => code.Length == ExpectedDigits(level) && AllDigits(code);

    internal static int ExpectedDigits(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => 2,
        AdministrativeLevel.District => 3,
        AdministrativeLevel.Commune => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown administrative level."),
    };

    private static bool AllDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
