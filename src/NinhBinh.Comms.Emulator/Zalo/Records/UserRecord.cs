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
}
