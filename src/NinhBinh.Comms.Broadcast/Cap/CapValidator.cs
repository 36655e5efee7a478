using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// The CAP 1.2 rules the schema cannot express, checked on the model: required values present and of the right form,
/// restriction ⇒ scope Restricted, addresses ⇒ scope Private, references for Update/Cancel, closed polygons with
/// coordinates in range, circles, ceiling ⇒ altitude, resource digests, one info per language. Warnings are kept apart.
/// </summary>
public static class CapValidator
{
    /// <summary>The headline length CAP recommends.</summary>
    public const int RecommendedHeadlineLength = 160;

    private static readonly char[] IdForbidden = { ' ', ',', '<', '&', '\t', '\r', '\n' };

    /// <summary>Checks an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The problems found.</returns>
    public static CapValidationResult Validate(CapAlert alert)
    {
        if (alert is null)
        {
            throw new ArgumentNullException(nameof(alert));
        }

        var problems = new List<CapProblem>();
        void Error(string path, string rule, string message) => problems.Add(new CapProblem(path, rule, message));
        void Warn(string path, string rule, string message) => problems.Add(new CapProblem(path, rule, message, CapProblemSeverity.Warning));

        CheckId(alert.Identifier, "alert/identifier", Error);
        CheckId(alert.Sender, "alert/sender", Error);
        if (alert.Sent == default)
        {
            Error("alert/sent", "cap.required", "sent is required");
        }

        if (alert.Restriction is not null && alert.Scope != CapScope.Restricted)
        {
            // The public samples (canada.cap: empty; earthquake-iso8859-1.cap: "0") carry these with scope Public and are
            // valid CAP: recipients ignore them, so this is a warning; the missing value for Restricted/Private is an error.
            Warn("alert/restriction", "cap.restriction-scope", "restriction is for scope Restricted only; with scope " + alert.Scope + " it is ignored");
        }

        if (alert.Scope == CapScope.Restricted && string.IsNullOrWhiteSpace(alert.Restriction))
        {
            Error("alert/restriction", "cap.restriction-scope", "scope Restricted needs a non-empty restriction");
        }

        if (alert.Addresses is not null && alert.Scope != CapScope.Private)
        {
            Warn("alert/addresses", "cap.addresses-scope", "addresses are for scope Private only; with scope " + alert.Scope + " they are ignored");
        }

        if (alert.Scope == CapScope.Private && string.IsNullOrWhiteSpace(alert.Addresses))
        {
            Error("alert/addresses", "cap.addresses-scope", "scope Private needs non-empty addresses");
        }

        CheckReferences(alert, Error);
        for (var c = 0; c < alert.Codes.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(alert.Codes[c]))
            {
                Error("alert/" + CapPath.Segment("code", c + 1), "cap.required", "code must not be empty");
            }
        }

        if (alert.Infos.Count == 0 && alert.MessageType is CapMessageType.Alert or CapMessageType.Update && alert.Status == CapStatus.Actual)
        {
            Warn("alert", "cap.info", "an actual alert without info tells the public nothing");
        }

        var languages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            var info = alert.Infos[i];
            var p = "alert/" + CapPath.Segment("info", i + 1);
            if (!languages.Add(info.EffectiveLanguage))
            {
                Warn(p + "/language", "cap.language", $"a second info in {info.EffectiveLanguage}: CAP expects one info per language");
            }

            if (info.Categories.Count == 0)
            {
                Error(p + "/category", "cap.required", "an info needs at least one category");
            }

            if (string.IsNullOrWhiteSpace(info.Event))
            {
                Error(p + "/event", "cap.required", "event is required");
            }

            if (info.Headline is { Length: > RecommendedHeadlineLength })
            {
                Warn(p + "/headline", "cap.headline-length", $"headline has {info.Headline.Length} characters; CAP recommends at most {RecommendedHeadlineLength}");
            }

            if (info.Expires is { } expires && expires < (info.Effective ?? alert.Sent))
            {
                Warn(p + "/expires", "cap.expires", "expires is before " + (info.Effective is null ? "sent" : "effective"));
            }

            CheckPairs(info.EventCodes, p, "eventCode", Error);
            CheckPairs(info.Parameters, p, "parameter", Error);
            for (var r = 0; r < info.Resources.Count; r++)
            {
                CheckResource(info.Resources[r], p + "/" + CapPath.Segment("resource", r + 1), Error, Warn);
            }

            for (var a = 0; a < info.Areas.Count; a++)
            {
                CheckArea(info.Areas[a], p + "/" + CapPath.Segment("area", a + 1), Error);
            }
        }

        return new CapValidationResult(problems);
    }

    private static void CheckId(string value, string path, Action<string, string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(path, "cap.required", path.Substring(6) + " is required");
        }
        else if (value.IndexOfAny(IdForbidden) >= 0)
        {
            error(path, "cap.id-form", path.Substring(6) + " must not contain spaces, commas, '<' or '&'");
        }
    }

    private static void CheckReferences(CapAlert alert, Action<string, string, string> error)
    {
        var needs = alert.MessageType is CapMessageType.Update or CapMessageType.Cancel or CapMessageType.Ack or CapMessageType.Error;
        if (alert.References is null)
        {
            if (needs)
            {
                error("alert/references", "cap.references", $"msgType {alert.MessageType} needs references to the earlier messages");
            }

            return;
        }

        var triples = alert.References.Split(CapText.Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (triples.Length == 0)
        {
            error("alert/references", "cap.references", "references is empty: give space-separated sender,identifier,sent triples");
            return;
        }

        foreach (var triple in triples)
        {
            var parts = triple.Split(',');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !CapText.TryParseDateTime(parts[2], out _)
                || !System.Text.RegularExpressions.Regex.IsMatch(parts[2], @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                error("alert/references", "cap.references", $"'{(triple.Length > 60 ? triple.Substring(0, 60) + "…" : triple)}' is not a sender,identifier,sent triple");
            }
        }
    }

    private static void CheckPairs(IReadOnlyList<CapNamedValue> pairs, string p, string name, Action<string, string, string> error)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(pairs[i].ValueName))
            {
                error(p + "/" + CapPath.Segment(name, i + 1) + "/valueName", "cap.required", "valueName must not be empty");
            }
        }
    }

    private static void CheckResource(CapResource resource, string p, Action<string, string, string> error, Action<string, string, string> warn)
    {
        if (string.IsNullOrWhiteSpace(resource.Description))
        {
            error(p + "/resourceDesc", "cap.required", "resourceDesc is required");
        }

        if (string.IsNullOrWhiteSpace(resource.MimeType) || resource.MimeType.IndexOf('/') <= 0)
        {
            error(p + "/mimeType", "cap.mime-type", "mimeType must be a MIME type such as audio/mpeg");
        }

        if (resource.Size is < 0)
        {
            error(p + "/size", "cap.size", "size must not be negative");
        }

        if (resource.Digest is { } digest && !IsHex(digest.Trim(), 40))
        {
            error(p + "/digest", "cap.digest", "digest must be a SHA-1 hash: 40 hexadecimal digits");
        }

        if (resource.DerefUri is null)
        {
            return;
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(resource.DerefUri.Trim());
        }
        catch (FormatException)
        {
            error(p + "/derefUri", "cap.deref-uri", "derefUri must be base64-encoded content");
            return;
        }

        if (resource.Digest is { } expected && IsHex(expected.Trim(), 40)
            && !string.Equals(expected.Trim(), CapResource.ComputeDigest(content), StringComparison.OrdinalIgnoreCase))
        {
            error(p + "/digest", "cap.digest", "digest does not match the SHA-1 of the derefUri content");
        }

        if (resource.Size is { } size && size != content.Length)
        {
            warn(p + "/size", "cap.size", $"size is {size.ToString(CultureInfo.InvariantCulture)} but the derefUri content has {content.Length.ToString(CultureInfo.InvariantCulture)} bytes");
        }
    }

    private static void CheckArea(CapArea area, string p, Action<string, string, string> error)
    {
        if (string.IsNullOrWhiteSpace(area.Description))
        {
            error(p + "/areaDesc", "cap.required", "areaDesc is required");
        }

        for (var i = 0; i < area.Polygons.Count; i++)
        {
            var polygon = area.Polygons[i];
            var pp = p + "/" + CapPath.Segment("polygon", i + 1);
            if (polygon.Points.Count < 4)
            {
                error(pp, "cap.polygon", $"a polygon needs at least 4 points (it has {polygon.Points.Count})");
            }
            else if (!polygon.IsClosed)
            {
                error(pp, "cap.polygon", "a polygon must be closed: its first point must equal its last");
            }

            var bad = polygon.Points.Select((pt, n) => (pt, n)).FirstOrDefault(x => !x.pt.IsInRange);
            if (polygon.Points.Any(pt => !pt.IsInRange))
            {
                error(pp, "cap.coordinates", $"point {bad.n + 1} ({bad.pt}) is out of range: latitude −90..90, longitude −180..180");
            }
        }

        for (var i = 0; i < area.Circles.Count; i++)
        {
            var circle = area.Circles[i];
            var cp = p + "/" + CapPath.Segment("circle", i + 1);
            if (!circle.Center.IsInRange)
            {
                error(cp, "cap.coordinates", $"the centre ({circle.Center}) is out of range: latitude −90..90, longitude −180..180");
            }

            if (circle.RadiusKm < 0)
            {
                error(cp, "cap.circle", "the radius must not be negative");
            }
        }

        CheckPairs(area.Geocodes, p, "geocode", error);
        if (area.Ceiling is { } ceiling)
        {
            if (area.Altitude is not { } altitude)
            {
                error(p + "/ceiling", "cap.ceiling", "ceiling needs altitude");
            }
            else if (altitude > ceiling)
            {
                error(p + "/altitude", "cap.ceiling", "altitude must not be above ceiling");
            }
        }
    }

    private static bool IsHex(string text, int length) =>
        text.Length == length && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');
}
