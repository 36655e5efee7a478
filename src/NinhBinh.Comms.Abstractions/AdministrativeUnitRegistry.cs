using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// Administrative units as data with validity dates: look codes up on a date, list a unit's children, and resolve
/// codes that no longer exist to the units that succeeded them.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> holds the data shipped in the package: every province-level unit before and after the
/// 2025-07-01 reform (63 → 34) and Ninh Bình's (37) communes; see <see cref="Source"/> and <see cref="DataDate"/>.
/// Load a newer list with <see cref="LoadCsv(TextReader, string?, DateTime?)"/> or <see cref="LoadJson"/> and combine
/// it with <see cref="WithUpdates"/>.</para>
/// <para>CSV format (RFC 4180, UTF-8; lines starting with <c>#</c> are comments; <c># source:</c> and
/// <c># date:</c> comments carry the provenance): header
/// <c>code,name,level,parent,valid_from,valid_to,successors</c>; level is <c>province</c>, <c>district</c> or
/// <c>commune</c>; dates are <c>yyyy-MM-dd</c>; successors are codes separated by spaces.</para>
/// <para>JSON format: <c>{"source": "…", "date": "yyyy-MM-dd", "units": [{"code", "name", "level", "parent",
/// "validFrom", "validTo", "successors": [ … ]}]}</c>.</para>
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class AdministrativeUnitRegistry
{
    private const string CsvHeader = "code,name,level,parent,valid_from,valid_to,successors";
    private static readonly Lazy<AdministrativeUnitRegistry> DefaultRegistry = new(LoadDefault);
    private static readonly char[] SuccessorSeparators = { ' ' };
    private static readonly string[] DefaultResources = { "NinhBinh.Comms.Data.provinces.csv", "NinhBinh.Comms.Data.ninh-binh-communes.csv" };

    private readonly Dictionary<string, AdministrativeUnit[]> _byCode;
    private readonly Dictionary<string, AdministrativeUnit[]> _byParent;

    /// <summary>Creates a registry from unit versions.</summary>
    /// <param name="units">The unit versions. Versions of one code must not overlap; successors must exist.</param>
    /// <param name="source">Where the data comes from (legal act, dataset), shown to users.</param>
    /// <param name="dataDate">The date the data is correct for.</param>
    /// <exception cref="ArgumentException">The data is inconsistent; the message names the unit.</exception>
    public AdministrativeUnitRegistry(IEnumerable<AdministrativeUnit> units, string source, DateTime dataDate)
    {
        Guard.NotNull(units);
        Source = Guard.NotNullOrWhiteSpace(source);
        DataDate = dataDate.Date;
        var all = units.ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] is null)
            {
                throw new ArgumentException($"units[{i}] is null.", nameof(units));
            }
        }

        _byCode = all.GroupBy(u => u.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom ?? DateTime.MinValue).ToArray(), StringComparer.Ordinal);
        foreach (var versions in _byCode.Values)
        {
            for (var i = 1; i < versions.Length; i++)
            {
                var previous = versions[i - 1];
                if (previous.ValidTo is null || versions[i].ValidFrom is null || previous.ValidTo.Value >= versions[i].ValidFrom!.Value)
                {
                    throw new ArgumentException($"Unit {versions[i].Code} has overlapping versions ('{previous.Name}' and '{versions[i].Name}').", nameof(units));
                }
            }
        }

        foreach (var unit in all)
        {
            foreach (var successor in unit.SuccessorCodes)
            {
                if (!_byCode.ContainsKey(successor))
                {
                    throw new ArgumentException($"Unit {unit.Code} ({unit.Name}) names successor {successor}, which is not in the data.", nameof(units));
                }
            }
        }

        _byParent = all.Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Units = all.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.ValidFrom ?? DateTime.MinValue).ToArray();
    }

    /// <summary>The data shipped with the package (see the remarks of <see cref="AdministrativeUnitRegistry"/>).</summary>
    public static AdministrativeUnitRegistry Default => DefaultRegistry.Value;

    /// <summary>Where the data comes from.</summary>
    public string Source { get; }

    /// <summary>The date the data is correct for.</summary>
    public DateTime DataDate { get; }

    /// <summary>Every unit version, by level, then code, then start date.</summary>
    public IReadOnlyList<AdministrativeUnit> Units { get; }

    /// <summary>Every version of a code, oldest first; empty when the code is unknown.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The versions.</returns>
    public IReadOnlyList<AdministrativeUnit> GetVersions(string code)
        => _byCode.TryGetValue(Guard.NotNull(code), out var versions) ? versions : Array.Empty<AdministrativeUnit>();

    /// <summary>The version of a code valid on a date.</summary>
    /// <param name="code">The code.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The unit, or <see langword="null"/> when the code is unknown or not valid on that date.</returns>
    public AdministrativeUnit? Find(string code, DateTime asOf)
        => GetVersions(code).FirstOrDefault(u => u.IsValidOn(asOf));

    /// <summary>
    /// Resolves a code to the units that stand for it on a date: the unit itself while it is valid, otherwise its
    /// successors (followed as far as needed). A commune merged in 2025 resolves to the new commune.
    /// </summary>
    /// <param name="code">The code, current or historical.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>One or more units valid on <paramref name="asOf"/>.</returns>
    /// <exception cref="AdministrativeUnitNotFoundException">The code is unknown, not yet valid, or ended without successors.</exception>
    public IReadOnlyList<AdministrativeUnit> Resolve(string code, DateTime asOf)
    {
        Guard.NotNull(code);
        var result = new List<AdministrativeUnit>();
        var error = ResolveInto(code, asOf.Date, result, new HashSet<string>(StringComparer.Ordinal));
        if (error is not null)
        {
            throw new AdministrativeUnitNotFoundException(code, asOf, error);
        }

        return result;
    }

    /// <summary>
    /// Resolves a code as it was known on one date to the units that stand for it on another. Use this for historical
    /// records: the code 13285 meant Phường Quang Trung until 2025-06-30 and Phường Phủ Lý after, and Quang Trung was
    /// split between two new wards.
    /// </summary>
    /// <param name="code">The code as recorded.</param>
    /// <param name="knownOn">The date the code was recorded (which version of the code is meant).</param>
    /// <param name="asOf">The date to resolve to.</param>
    /// <returns>One or more units valid on <paramref name="asOf"/>.</returns>
    /// <exception cref="AdministrativeUnitNotFoundException">The code was not valid on <paramref name="knownOn"/>, or has no successor valid on <paramref name="asOf"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> Resolve(string code, DateTime knownOn, DateTime asOf)
    {
        var version = Find(Guard.NotNull(code), knownOn)
            ?? throw new AdministrativeUnitNotFoundException(code, knownOn, _byCode.ContainsKey(code) ? "the code was not valid on that date." : "the code is unknown.");
        if (version.IsValidOn(asOf))
        {
            return new[] { version };
        }

        if (version.ValidTo is null || version.ValidTo.Value >= asOf.Date)
        {
            throw new AdministrativeUnitNotFoundException(code, asOf, $"the version known on {knownOn:yyyy-MM-dd} was not yet valid then.");
        }

        var result = new List<AdministrativeUnit>();
        var error = FollowSuccessors(version, asOf.Date, result, new HashSet<string>(StringComparer.Ordinal));
        return error is null ? result : throw new AdministrativeUnitNotFoundException(code, asOf, error);
    }

    /// <summary>Like <see cref="Resolve(string, DateTime)"/>, without throwing.</summary>
    /// <param name="code">The code.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="units">The units, or empty when the code cannot be resolved.</param>
    /// <returns><see langword="true"/> when the code was resolved.</returns>
    public bool TryResolve(string code, DateTime asOf, out IReadOnlyList<AdministrativeUnit> units)
    {
        Guard.NotNull(code);
        var result = new List<AdministrativeUnit>();
        var ok = ResolveInto(code, asOf.Date, result, new HashSet<string>(StringComparer.Ordinal)) is null;
        units = ok ? result : Array.Empty<AdministrativeUnit>();
        return ok;
    }

    /// <summary>
    /// The communes that a list of area codes covers on a date — what a bulletin's target areas reach: a commune is
    /// itself, a province (or a district before the 2025 reform) is every commune under it, and a code that no longer
    /// exists is the units that succeeded it. Codes that cannot be resolved are left out. Each commune once, in order.
    /// </summary>
    /// <param name="areaCodes">Administrative codes of any level.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The communes.</returns>
    public IReadOnlyList<AdministrativeUnit> ResolveCommunes(IEnumerable<string> areaCodes, DateTime asOf)
    {
        var communes = new List<AdministrativeUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in Guard.NotNull(areaCodes))
        {
            if (string.IsNullOrWhiteSpace(code) || !TryResolve(code.Trim(), asOf, out var units))
            {
                continue;
            }

            foreach (var unit in units)
            {
                AddCommunes(unit, asOf, communes, seen);
            }
        }

        return communes;
    }

    /// <summary>The units directly under a parent that are valid on a date.</summary>
    /// <param name="parentCode">The parent's code.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The children, by code.</returns>
    public IReadOnlyList<AdministrativeUnit> GetChildren(string parentCode, DateTime asOf)
        => _byParent.TryGetValue(Guard.NotNull(parentCode), out var children)
            ? children.Where(u => u.IsValidOn(asOf)).ToArray()
            : Array.Empty<AdministrativeUnit>();

    /// <summary>The province-level units valid on a date.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The provinces, by code.</returns>
    public IReadOnlyList<AdministrativeUnit> GetProvinces(DateTime asOf)
        => Units.Where(u => u.Level == AdministrativeLevel.Province && u.IsValidOn(asOf)).ToArray();

    /// <summary>
    /// Returns a registry in which every code present in <paramref name="updates"/> takes the versions given there;
    /// other codes keep their versions here.
    /// </summary>
    /// <param name="updates">A newer list, for example from <see cref="LoadCsv(TextReader, string?, DateTime?)"/>.</param>
    /// <returns>The combined registry.</returns>
    public AdministrativeUnitRegistry WithUpdates(AdministrativeUnitRegistry updates)
    {
        Guard.NotNull(updates);
        var combined = Units.Where(u => !updates._byCode.ContainsKey(u.Code)).Concat(updates.Units);
        return new AdministrativeUnitRegistry(combined, Source + "; updated by " + updates.Source,
            updates.DataDate > DataDate ? updates.DataDate : DataDate);
    }

    /// <summary>Loads units from CSV (format in the remarks of <see cref="AdministrativeUnitRegistry"/>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">Where the data comes from; taken from a <c># source:</c> comment when <see langword="null"/>.</param>
    /// <param name="dataDate">The date the data is correct for; taken from a <c># date:</c> comment when <see langword="null"/>.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="FormatException">The CSV is malformed; the message gives the line and the field.</exception>
    public static AdministrativeUnitRegistry LoadCsv(TextReader reader, string? source = null, DateTime? dataDate = null)
    {
        Guard.NotNull(reader);
        var units = new List<AdministrativeUnit>();
        string? commentSource = null;
        DateTime? commentDate = null;
        var headerSeen = false;
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                var comment = line.Substring(1).Trim();
                if (comment.StartsWith("source:", StringComparison.OrdinalIgnoreCase))
                {
                    var value = comment.Substring("source:".Length).Trim();
                    commentSource = commentSource is null ? value : commentSource + " " + value;
                }
                else if (comment.StartsWith("date:", StringComparison.OrdinalIgnoreCase))
                {
                    commentDate = ParseDate(comment.Substring("date:".Length).Trim(), lineNumber, "date");
                }

                continue;
            }

            var fields = Csv.SplitLine(line, lineNumber);
            if (!headerSeen)
            {
                if (!string.Equals(string.Join(",", fields.Select(f => f.Trim())), CsvHeader, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"Line {lineNumber}: expected the header '{CsvHeader}'.");
                }

                headerSeen = true;
                continue;
            }

            if (fields.Count != 7)
            {
                throw new FormatException($"Line {lineNumber}: expected 7 fields, found {fields.Count}.");
            }

            units.Add(CreateUnit(lineNumber, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
                fields[6].Split(SuccessorSeparators, StringSplitOptions.RemoveEmptyEntries)));
        }

        if (!headerSeen)
        {
            throw new FormatException($"The CSV has no header line '{CsvHeader}'.");
        }

        return new AdministrativeUnitRegistry(units,
            source ?? commentSource ?? throw new FormatException("The CSV names no source: pass one or add a '# source:' comment."),
            dataDate ?? commentDate ?? throw new FormatException("The CSV names no date: pass one or add a '# date:' comment."));
    }

    /// <summary>Loads units from a CSV or JSON file, chosen by its extension (<c>.csv</c> or <c>.json</c>).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="FormatException">The file is malformed.</exception>
    /// <exception cref="ArgumentException">The extension is neither <c>.csv</c> nor <c>.json</c>.</exception>
    public static AdministrativeUnitRegistry LoadFile(string path)
    {
        Guard.NotNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return LoadCsv(reader);
        }

        if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = File.OpenRead(path);
            return LoadJson(stream);
        }

        throw new ArgumentException($"'{path}' is neither a .csv nor a .json file.", nameof(path));
    }

    /// <summary>Loads units from UTF-8 JSON (format in the remarks of <see cref="AdministrativeUnitRegistry"/>).</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="FormatException">The JSON is malformed or a field is missing; the message names it.</exception>
    public static AdministrativeUnitRegistry LoadJson(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FormatException("The administrative unit JSON is malformed: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The administrative unit JSON must be an object with 'source', 'date' and 'units'.");
            }

            var source = GetString(root, "source", "$") ?? throw new FormatException("$.source is required.");
            var date = ParseDate(GetString(root, "date", "$") ?? throw new FormatException("$.date is required."), 0, "$.date");
            if (!root.TryGetProperty("units", out var unitsElement) || unitsElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("$.units must be an array.");
            }

            var units = new List<AdministrativeUnit>();
            var index = 0;
            foreach (var item in unitsElement.EnumerateArray())
            {
                var path = $"$.units[{index}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException(path + " must be an object.");
                }

                var successors = new List<string>();
                if (item.TryGetProperty("successors", out var s) && s.ValueKind == JsonValueKind.Array)
                {
                    successors.AddRange(s.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                        ? e.GetString()!
                        : throw new FormatException(path + ".successors must hold strings.")));
                }

                units.Add(CreateUnit(index, GetString(item, "code", path) ?? string.Empty, GetString(item, "name", path) ?? string.Empty,
                    GetString(item, "level", path) ?? string.Empty, GetString(item, "parent", path), GetString(item, "validFrom", path),
                    GetString(item, "validTo", path), successors, path));
                index++;
            }

            return new AdministrativeUnitRegistry(units, source, date);
        }
    }

    private string? ResolveInto(string code, DateTime asOf, List<AdministrativeUnit> result, HashSet<string> visiting)
    {
        if (!_byCode.TryGetValue(code, out var versions))
        {
            return "the code is unknown.";
        }

        var current = versions.FirstOrDefault(u => u.IsValidOn(asOf));
        if (current is not null)
        {
            AddOnce(result, current);
            return null;
        }

        var ended = versions.Where(u => u.ValidTo is not null && u.ValidTo.Value < asOf).OrderByDescending(u => u.ValidTo).FirstOrDefault();
        return ended is null
            ? $"it is valid only from {versions[0].ValidFrom:yyyy-MM-dd}."
            : FollowSuccessors(ended, asOf, result, visiting);
    }

    private string? FollowSuccessors(AdministrativeUnit ended, DateTime asOf, List<AdministrativeUnit> result, HashSet<string> visiting)
    {
        if (ended.SuccessorCodes.Count == 0)
        {
            return $"it ended on {ended.ValidTo:yyyy-MM-dd} without successors.";
        }

        var key = ended.Code + "@" + ended.ValidTo!.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (!visiting.Add(key))
        {
            return $"its successors lead back to {ended.Code}.";
        }

        foreach (var successor in ended.SuccessorCodes)
        {
            var error = successor == ended.Code
                ? ResolveSameCode(ended, asOf, result, visiting)
                : ResolveInto(successor, asOf, result, visiting);
            if (error is not null)
            {
                return $"successor {successor} of {ended.Code}: {error}";
            }
        }

        visiting.Remove(key);
        return null;
    }

    private string? ResolveSameCode(AdministrativeUnit ended, DateTime asOf, List<AdministrativeUnit> result, HashSet<string> visiting)
    {
        // A successor with the same code is that code's next version, not the ended one again.
        var next = _byCode[ended.Code].FirstOrDefault(u => u.ValidFrom is not null && u.ValidFrom.Value > ended.ValidTo!.Value);
        if (next is null)
        {
            return "no later version of the code exists.";
        }

        if (next.IsValidOn(asOf))
        {
            AddOnce(result, next);
            return null;
        }

        return next.ValidTo is not null && next.ValidTo.Value < asOf
            ? FollowSuccessors(next, asOf, result, visiting)
            : $"it is valid only from {next.ValidFrom:yyyy-MM-dd}.";
    }

    private static void AddOnce(List<AdministrativeUnit> result, AdministrativeUnit unit)
    {
        if (!result.Contains(unit))
        {
            result.Add(unit);
        }
    }

    private static AdministrativeUnit CreateUnit(int line, string code, string name, string level, string? parent,
        string? validFrom, string? validTo, IEnumerable<string> successors, string? path = null)
    {
        var where = path ?? $"Line {line}";
        AdministrativeLevel parsedLevel = level.Trim().ToLowerInvariant() switch
        {
            "province" => AdministrativeLevel.Province,
            "district" => AdministrativeLevel.District,
            "commune" => AdministrativeLevel.Commune,
            _ => throw new FormatException($"{where}: level '{level}' must be province, district or commune."),
        };

        try
        {
            return new AdministrativeUnit(code.Trim(), name, parsedLevel, string.IsNullOrWhiteSpace(parent) ? null : parent!.Trim(),
                string.IsNullOrWhiteSpace(validFrom) ? null : ParseDate(validFrom!, line, where + " valid_from"),
                string.IsNullOrWhiteSpace(validTo) ? null : ParseDate(validTo!, line, where + " valid_to"),
                successors.Select(s => s.Trim()));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"{where}: {ex.Message}", ex);
        }
    }

    private static DateTime ParseDate(string value, int line, string field)
        => DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{(line > 0 ? $"Line {line}: " : string.Empty)}{field} '{value}' is not a yyyy-MM-dd date.");

    private static string? GetString(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"{path}.{name} must be a string.");
    }

    private static AdministrativeUnitRegistry LoadDefault()
    {
        var assembly = typeof(AdministrativeUnitRegistry).Assembly;
        AdministrativeUnitRegistry? registry = null;
        foreach (var resource in DefaultResources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var part = LoadCsv(reader);
            registry = registry is null
                ? part
                : new AdministrativeUnitRegistry(registry.Units.Concat(part.Units), registry.Source + "; " + part.Source,
                    part.DataDate > registry.DataDate ? part.DataDate : registry.DataDate);
        }

        return registry!;
    }

    private void AddCommunes(AdministrativeUnit unit, DateTime asOf, List<AdministrativeUnit> communes, HashSet<string> seen)
    {
        if (unit.Level == AdministrativeLevel.Commune)
        {
            if (seen.Add(unit.Code))
            {
                communes.Add(unit);
            }

            return;
        }

        foreach (var child in GetChildren(unit.Code, asOf))
        {
            AddCommunes(child, asOf, communes, seen);
        }
    }
}
