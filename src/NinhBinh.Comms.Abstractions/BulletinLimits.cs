namespace NinhBinh.Comms;

/// <summary>The limits a <see cref="Bulletin"/> is checked against. Channels may impose tighter limits of their own.</summary>
public static class BulletinLimits
{
    /// <summary>Maximum length of <see cref="Bulletin.Id"/>: 64 characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Maximum length of <see cref="Bulletin.Title"/>: 250 characters.</summary>
    public const int MaxTitleLength = 250;

    /// <summary>Maximum length of <see cref="Bulletin.Summary"/>: 1,000 characters.</summary>
    public const int MaxSummaryLength = 1_000;

    /// <summary>Maximum length of <see cref="Bulletin.Body"/>: 100,000 characters.</summary>
    public const int MaxBodyLength = 100_000;

    /// <summary>Maximum number of <see cref="Bulletin.Attachments"/>: 20.</summary>
    public const int MaxAttachments = 20;

    /// <summary>Maximum size of one attachment: 1 GiB.</summary>
    public const long MaxAttachmentSizeBytes = 1L << 30;

    /// <summary>Maximum number of <see cref="Bulletin.Topics"/> (content lines): 20.</summary>
    public const int MaxTopics = 20;

    /// <summary>Maximum length of one topic: 100 characters.</summary>
    public const int MaxTopicLength = 100;

    /// <summary>Maximum length of <see cref="Bulletin.CampaignId"/>: 64 characters.</summary>
    public const int MaxCampaignIdLength = 64;

    /// <summary>Maximum length of <see cref="Bulletin.IssuingAgency"/>: 250 characters.</summary>
    public const int MaxIssuingAgencyLength = 250;

    /// <summary>Maximum number of <see cref="Bulletin.TargetAreas"/>: 500.</summary>
    public const int MaxTargetAreas = 500;
}
