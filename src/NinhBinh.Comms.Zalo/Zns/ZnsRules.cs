using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The rules a ZNS / ZBS template message is checked against before it is sent: the tracking id, and
/// <c>template_data</c> against the template's parameters (unknown, missing, wrong type, too long). Messages name the
/// parameter and the limit, never a value (a value may be a phone number or a name).
/// </summary>
internal static class ZnsRules
{
    public static string CheckTrackingId(string trackingId)
    {
        if (string.IsNullOrWhiteSpace(trackingId))
        {
            throw new ArgumentException("trackingId is required: Zalo needs your own id of each send (1–48 characters).", nameof(trackingId));
        }

        return trackingId.Length <= ZaloZnsRequest.MaxTrackingIdLength
            ? trackingId
            : throw new ArgumentException(
                $"trackingId is {trackingId.Length} characters long; the limit is {ZaloZnsRequest.MaxTrackingIdLength}.", nameof(trackingId));
    }

    public static string CheckTemplateId(string templateId)
    {
        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw new ArgumentException("templateId is required.", nameof(templateId));
        }

        return templateId.Length <= 64 && templateId.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '-')
            ? templateId
            : throw new ArgumentException("templateId must be Zalo's template id: at most 64 letters, digits, '_' or '-'.", nameof(templateId));
    }

    /// <summary>Every problem of <paramref name="templateData"/> against the template, in one <see cref="ArgumentException"/> (parameter <c>templateData</c>).</summary>
    public static void CheckTemplateData(ZaloZnsTemplate template, IDictionary<string, string> templateData)
    {
        var problems = new List<string>();
        var known = new HashSet<string>(template.Parameters.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var name in templateData.Keys.Where(k => !known.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            problems.Add($"'{name}' is not a parameter of template {template.TemplateId}"
                + (known.Count == 0 ? " (it has none)" : $" (its parameters: {string.Join(", ", template.Parameters.Select(p => p.Name))})"));
        }

        foreach (var parameter in template.Parameters)
        {
            if (!templateData.TryGetValue(parameter.Name, out var value) || value is null || value.Length == 0)
            {
                if (parameter.IsRequired)
                {
                    problems.Add($"'{parameter.Name}' is required by template {template.TemplateId} but missing");
                }

                continue;
            }

            if (parameter.MaxLength > 0 && value.Length > parameter.MaxLength)
            {
                problems.Add($"'{parameter.Name}' is {value.Length} characters long; the limit is {parameter.MaxLength}");
            }

            if (!HasType(parameter.Type, value))
            {
                problems.Add(parameter.Type == ZaloZnsParameterType.Number
                    ? $"'{parameter.Name}' must be a NUMBER (digits with an optional minus and decimal point)"
                    : $"'{parameter.Name}' must be a DATE written dd/MM/yyyy");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("templateData: " + string.Join("; ", problems) + ".", nameof(templateData));
        }
    }

    private static bool HasType(ZaloZnsParameterType type, string value) => type switch
    {
        ZaloZnsParameterType.Number => IsNumber(value),
        ZaloZnsParameterType.Date => DateTime.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static bool IsNumber(string value)
    {
        var start = value.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
        var digits = 0;
        var points = 0;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.' && points == 0 && digits > 0 && i < value.Length - 1)
            {
                points++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }

    public static ZaloZnsParameterType ParseType(string? type) => type?.ToUpperInvariant() switch
    {
        "STRING" => ZaloZnsParameterType.Text,
        "NUMBER" => ZaloZnsParameterType.Number,
        "DATE" => ZaloZnsParameterType.Date,
        _ => ZaloZnsParameterType.Other,
    };

    public static ZaloZnsTemplate ToTemplate(string templateId, ZnsTemplateData data)
    {
        var parameters = (data.Params ?? new List<ZnsTemplateParamData>())
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => new ZaloZnsTemplateParameter(p.Name!, p.Require, ParseType(p.Type), p.Type ?? string.Empty, Math.Max(0, p.MaxLength)))
            .ToArray();
        decimal? price = decimal.TryParse(data.Price, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
        return new ZaloZnsTemplate(string.IsNullOrEmpty(data.TemplateId) ? templateId : data.TemplateId!, data.TemplateName, data.Status ?? string.Empty, parameters, price);
    }
}
