using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

internal sealed class UserRecord(string userId, string displayName)
{
    public string UserId { get; } = userId;

    public string DisplayName { get; set; } = displayName;

    public DateTimeOffset? LastInteraction { get; set; }

    public bool IsFollower { get; set; }

    public List<string> Tags { get; } = [];

    public string SharedName { get; set; } = string.Empty;

    public string SharedPhone { get; set; } = string.Empty;

    public string SharedAddress { get; set; } = string.Empty;

    public string SharedCity { get; set; } = string.Empty;

    public string SharedDistrict { get; set; } = string.Empty;

    /// <summary>Consultation messages sent since the last interaction.</summary>
    public int ConsultationsSinceInteraction { get; set; }

    public List<DateTimeOffset> PromotionsSent { get; } = [];

    /// <summary>Broadcast targeting: Zalo's age group code (0–7), or unknown.</summary>
    public int? AgeGroup { get; set; }

    /// <summary>Broadcast targeting: 1 male, 2 female, or unknown.</summary>
    public int? Gender { get; set; }

    /// <summary>Broadcast targeting: 0 North, 1 Central, 2 South, or unknown.</summary>
    public int? Region { get; set; }

    /// <summary>Broadcast targeting: the province code as a number (37 Ninh Bình), or unknown.</summary>
    public int? City { get; set; }

    /// <summary>Broadcast targeting: 1 iOS, 2 Android, 3 Windows Phone, or unknown.</summary>
    public int? Platform { get; set; }
}
