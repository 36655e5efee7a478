using System;
using System.Collections.Generic;

namespace NinhBinh.Comms;

/// <summary>
/// A piece of policy information to publish on one or more channels (Zalo OA, IP radio, e-boards, …).
/// </summary>
/// <remarks>
/// A bulletin is immutable and always valid: the only way to get one is <see cref="BulletinBuilder.Build"/> (or
/// <see cref="BulletinBuilder.TryBuild"/>), which checks every field against <see cref="BulletinLimits"/>.
/// Use <see cref="ToBuilder"/> to derive a changed copy.
/// </remarks>
public sealed class Bulletin
{
    internal Bulletin(BulletinBuilder builder, string id)
    {
        Id = id;
        Title = builder.Title!.Trim();
        Summary = string.IsNullOrWhiteSpace(builder.Summary) ? null : builder.Summary!.Trim();
        Body = builder.Body!;
        Attachments = builder.Attachments.ToArray();
        Language = builder.Language!;
        Topics = TrimAll(builder.Topics);
        CampaignId = string.IsNullOrWhiteSpace(builder.CampaignId) ? null : builder.CampaignId!.Trim();
        IssuingAgency = builder.IssuingAgency!.Trim();
        ValidFrom = builder.ValidFrom;
        ValidUntil = builder.ValidUntil;
        Priority = builder.Priority;
        TargetAreas = TrimAll(builder.TargetAreas);
    }

    /// <summary>The bulletin's identifier: given by the caller or generated (32 hex digits).</summary>
    public string Id { get; }

    /// <summary>The headline, at most <see cref="BulletinLimits.MaxTitleLength"/> characters.</summary>
    public string Title { get; }

    /// <summary>A short summary for channels that show one (board tickers, message previews), or <see langword="null"/>.</summary>
    public string? Summary { get; }

    /// <summary>The full text.</summary>
    public string Body { get; }

    /// <summary>Audio, images and documents that go with the bulletin.</summary>
    public IReadOnlyList<BulletinAttachment> Attachments { get; }

    /// <summary>The BCP 47 language tag; <see cref="BulletinLanguages.Vietnamese"/> unless set.</summary>
    public string Language { get; }

    /// <summary>The content lines (topics) this bulletin belongs to, as counted in the KPI reports.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The communication campaign this bulletin is part of, or <see langword="null"/>.</summary>
    public string? CampaignId { get; }

    /// <summary>The agency that issues the bulletin, for example "UBND xã Gia Viễn".</summary>
    public string IssuingAgency { get; }

    /// <summary>When the bulletin becomes valid, or <see langword="null"/> for at once.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary>When the bulletin stops being valid, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>The priority tier (Thông tư 39/2020).</summary>
    public BulletinPriority Priority { get; }

    /// <summary>
    /// Administrative unit codes the bulletin is meant for (province: 2 digits, commune: 5 digits); empty for every
    /// area the channel serves.
    /// </summary>
    public IReadOnlyList<string> TargetAreas { get; }

    /// <summary>Starts building a new bulletin.</summary>
    /// <returns>An empty builder with the defaults (Vietnamese, <see cref="BulletinPriority.Normal"/>).</returns>
    public static BulletinBuilder CreateBuilder() => new();

    /// <summary>Returns a builder holding a copy of this bulletin's values, to derive a changed bulletin.</summary>
    /// <returns>A builder with every field copied, including <see cref="Id"/>.</returns>
    public BulletinBuilder ToBuilder()
    {
        var builder = new BulletinBuilder
        {
            Id = Id,
            Title = Title,
            Summary = Summary,
            Body = Body,
            Language = Language,
            CampaignId = CampaignId,
            IssuingAgency = IssuingAgency,
            ValidFrom = ValidFrom,
            ValidUntil = ValidUntil,
            Priority = Priority,
        };
        builder.Attachments.AddRange(Attachments);
        builder.Topics.AddRange(Topics);
        builder.TargetAreas.AddRange(TargetAreas);
        return builder;
    }

    /// <summary>Whether the bulletin is within its validity window at <paramref name="instant"/>.</summary>
    /// <param name="instant">The moment to check.</param>
    /// <returns><see langword="true"/> when <see cref="ValidFrom"/> ≤ instant &lt; <see cref="ValidUntil"/> (open ends allowed).</returns>
    public bool IsValidAt(DateTimeOffset instant)
        => (ValidFrom is null || ValidFrom.Value <= instant) && (ValidUntil is null || instant < ValidUntil.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Priority}] {Title}";

    private static string[] TrimAll(List<string> values)
    {
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i].Trim();
        }

        return result;
    }
}
