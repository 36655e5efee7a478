using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Checks a broadcast target and writes it in the configured encoding.</summary>
internal static class ZaloBroadcastWire
{
    /// <summary>Every problem of <paramref name="target"/>, each naming its field; empty when it can be sent.</summary>
    public static IReadOnlyList<string> Check(ZaloBroadcastTarget target, ZaloBroadcastTargetEncoding encoding, ISet<string> provinceCodes)
    {
        var problems = new List<string>();
        CheckList(problems, "Ages", target.Ages?.Select(v => (int)v).ToList(), v => v is >= 0 and <= 7, "the codes are 0–7", encoding);
        if (target.Gender is { } gender && (int)gender is < 0 or > 2)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "target.Gender is {0}; the codes are 0 (all), 1 (male) and 2 (female).", (int)gender));
        }

        CheckList(problems, "Locations", target.Locations?.Select(v => (int)v).ToList(), v => v is >= 0 and <= 2, "the codes are 0 (North), 1 (Central) and 2 (South)", encoding);
        CheckList(problems, "Platforms", target.Platforms?.Select(v => (int)v).ToList(), v => v is >= 1 and <= 3, "the codes are 1 (iOS), 2 (Android) and 3 (Windows Phone)", encoding);
        if (target.Cities is { } cities)
        {
            if (cities.Count == 0)
            {
                problems.Add("target.Cities is empty; leave it null to reach every province, or give at least one province code.");
            }
            else if (encoding == ZaloBroadcastTargetEncoding.Integers && cities.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "target.Cities has {0} values, but the Integers target encoding carries one value per field.", cities.Distinct(StringComparer.Ordinal).Count()));
            }

            foreach (var city in cities)
            {
                if (string.IsNullOrWhiteSpace(city) || !provinceCodes.Contains(city))
                {
                    problems.Add($"target.Cities contains '{city}', which is not the code of one of the {provinceCodes.Count} provinces today (for example 37 for Ninh Bình).");
                }
            }
        }

        return problems;
    }

    /// <summary>The <c>recipient.target</c> object; every follower (gender all) when <paramref name="target"/> is null.</summary>
    public static JsonElement Encode(ZaloBroadcastTarget? target, ZaloBroadcastTargetEncoding encoding)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Write(writer, "ages", target?.Ages?.Select(a => (int)a), encoding);
            Write(writer, "gender", new[] { (int)(target?.Gender ?? ZaloBroadcastGender.All) }, encoding);
            Write(writer, "locations", target?.Locations?.Select(l => (int)l), encoding);
            Write(writer, "cities", target?.Cities?.Select(c => int.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture)), encoding);
            Write(writer, "platform", target?.Platforms?.Select(p => (int)p), encoding);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, string name, IEnumerable<int>? values, ZaloBroadcastTargetEncoding encoding)
    {
        if (values is null)
        {
            return;
        }

        var codes = values.Distinct().OrderBy(v => v).ToArray();
        switch (encoding)
        {
            case ZaloBroadcastTargetEncoding.IntegerArrays:
                writer.WriteStartArray(name);
                foreach (var code in codes)
                {
                    writer.WriteNumberValue(code);
                }

                writer.WriteEndArray();
                break;
            case ZaloBroadcastTargetEncoding.Integers:
                writer.WriteNumber(name, codes[0]);
                break;
            default:
                writer.WriteString(name, string.Join(",", codes.Select(c => c.ToString(CultureInfo.InvariantCulture))));
                break;
        }
    }

    private static void CheckList(List<string> problems, string field, List<int>? values, Func<int, bool> known, string codes, ZaloBroadcastTargetEncoding encoding)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            problems.Add($"target.{field} is empty; leave it null to reach everyone, or give at least one value.");
            return;
        }

        foreach (var value in values.Where(v => !known(v)))
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "target.{0} contains {1}; {2}.", field, value, codes));
        }

        var distinct = values.Distinct().Count();
        if (encoding == ZaloBroadcastTargetEncoding.Integers && distinct > 1)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "target.{0} has {1} values, but the Integers target encoding carries one value per field.", field, distinct));
        }
    }
}
