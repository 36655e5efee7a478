using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Emergency bulletins to CAP alerts and back: the Vietnamese bulletin becomes the <c>vi-VN</c> info, translations become
/// further infos, target areas become areas with the unit code as a <see cref="AdministrativeCodeName"/> geocode,
/// audio and image attachments become resources; an incoming alert becomes a bulletin for the radio and board channels.
/// </summary>
public static class CapBulletinBridge
{
    /// <summary>The geocode <c>valueName</c> for a Vietnamese administrative unit code (the General Statistics Office code).</summary>
    public const string AdministrativeCodeName = "VN-ADM";

    /// <summary>Makes a CAP alert of a bulletin (and its translations, one info each).</summary>
    /// <param name="bulletin">The bulletin, usually in Vietnamese.</param>
    /// <param name="options">Sender, category, certainty, status.</param>
    /// <param name="translations">The same bulletin in other languages.</param>
    /// <param name="timeProvider">The clock for <c>sent</c> (default: the system clock); sent is in Vietnam time.</param>
    /// <returns>The alert, checked with <see cref="CapValidator"/>.</returns>
    /// <exception cref="CapValidationException">The result breaks CAP (for example a sender with spaces).</exception>
    public static CapAlert ToAlert(Bulletin bulletin, CapBulletinOptions options, IEnumerable<Bulletin>? translations = null, TimeProvider? timeProvider = null)
    {
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var clock = timeProvider ?? TimeProvider.System;
        var registry = options.Registry ?? AdministrativeUnitRegistry.Default;
        var today = clock.GetVietnamToday();
        var areas = bulletin.TargetAreas.Select(code => new CapArea
        {
            Description = registry.Find(code, today)?.Name ?? code,
            Geocodes = new[] { new CapNamedValue(AdministrativeCodeName, code) },
        }).ToArray();
        var resources = bulletin.Attachments.Select(a => new CapResource
        {
            Description = a.IsAudio ? "audio" : a.IsImage ? "image" : "attachment",
            MimeType = a.MediaType,
            Size = a.SizeBytes,
            Uri = a.Uri.AbsoluteUri,
        }).ToArray();
        var (urgency, severity) = bulletin.Priority switch
        {
            BulletinPriority.Emergency => (CapUrgency.Immediate, CapSeverity.Severe),
            BulletinPriority.Priority => (CapUrgency.Expected, CapSeverity.Moderate),
            _ => (CapUrgency.Future, CapSeverity.Minor),
        };
        CapInfo Info(Bulletin b) => new()
        {
            Language = CapLanguage(b.Language),
            Categories = new[] { options.Category },
            Event = b.Topics.Count > 0 ? b.Topics[0] : b.Title,
            Urgency = urgency,
            Severity = severity,
            Certainty = options.Certainty,
            Effective = b.ValidFrom is { } from ? VietnamTime.ToVietnamTime(from) : null,
            Expires = b.ValidUntil is { } until ? VietnamTime.ToVietnamTime(until) : null,
            SenderName = b.IssuingAgency,
            Headline = b.Title,
            Description = b.Body,
            Resources = resources,
            Areas = areas,
        };

        var now = VietnamTime.ToVietnamTime(clock.GetUtcNow());
        var alert = new CapAlert
        {
            Identifier = bulletin.Id,
            Sender = options.Sender,
            Sent = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset),
            Status = options.Status,
            Infos = new[] { Info(bulletin) }.Concat((translations ?? Enumerable.Empty<Bulletin>()).Select(Info)).ToArray(),
        };
        var result = CapValidator.Validate(alert);
        return result.IsValid ? alert : throw new CapValidationException(result);
    }

    /// <summary>
    /// Makes a bulletin of an incoming alert: the Vietnamese info (or the first), priority from urgency and severity
    /// (Immediate, Extreme or Severe: Emergency; Expected or Moderate: Priority; otherwise Normal), target areas from the
    /// <see cref="AdministrativeCodeName"/> geocodes resolved to the units in force, http(s) resources as attachments.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="registry">The registry to resolve old unit codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="asOf">The day the units are resolved for (default: the alert's sent day in Vietnam).</param>
    /// <returns>The bulletin.</returns>
    /// <exception cref="ArgumentException">The alert has no info.</exception>
    /// <exception cref="BulletinValidationException">The bulletin made breaks a bulletin rule (every problem listed).</exception>
    public static Bulletin ToBulletin(CapAlert alert, AdministrativeUnitRegistry? registry = null, DateTime? asOf = null)
    {
        if (alert is null)
        {
            throw new ArgumentNullException(nameof(alert));
        }

        var info = alert.Infos.FirstOrDefault(i => i.EffectiveLanguage.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            ?? (alert.Infos.Count > 0 ? alert.Infos[0] : null)
            ?? throw new ArgumentException("The alert has no info: nothing to broadcast.", nameof(alert));
        var day = asOf ?? VietnamTime.ToVietnamTime(alert.Sent).Date;
        var units = registry ?? AdministrativeUnitRegistry.Default;
        var areas = info.Areas.SelectMany(a => a.Geocodes).Where(g => g.ValueName == AdministrativeCodeName)
            .SelectMany(g => units.TryResolve(g.Value.Trim(), day, out var resolved) ? resolved.Select(u => u.Code) : new[] { g.Value.Trim() })
            .Distinct(StringComparer.Ordinal).ToArray();
        var priority = info.Urgency == CapUrgency.Immediate || info.Severity is CapSeverity.Extreme or CapSeverity.Severe ? BulletinPriority.Emergency
            : info.Urgency == CapUrgency.Expected || info.Severity == CapSeverity.Moderate ? BulletinPriority.Priority
            : BulletinPriority.Normal;
        var title = (info.Headline ?? info.Event).Trim();
        var body = string.Join("\n\n", new[] { info.Description, info.Instruction }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
        var builder = Bulletin.CreateBuilder()
            .WithTitle(title.Length > BulletinLimits.MaxTitleLength ? title.Substring(0, BulletinLimits.MaxTitleLength) : title)
            .WithBody(body.Length == 0 ? title : body)
            .WithIssuingAgency(string.IsNullOrWhiteSpace(info.SenderName) ? alert.Sender : info.SenderName!.Trim())
            .WithLanguage(info.EffectiveLanguage)
            .WithPriority(priority)
            .WithValidity(info.Effective ?? info.Onset ?? alert.Sent, info.Expires)
            .WithTargetAreas(areas);
        foreach (var resource in info.Resources)
        {
            if (resource.Uri is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https")
                && resource.Size is > 0)
            {
                builder.WithAttachment(new BulletinAttachment(absolute, resource.MimeType, resource.Size.Value));
            }
        }

        return builder.Build();
    }

    private static string CapLanguage(string language) => language == BulletinLanguages.Vietnamese ? "vi-VN" : language;
}
