using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Emulator;

/// <content>ZNS / ZBS template messages: templates and daily quotas set by tests.</content>
public sealed partial class ZaloEmulator
{
    /// <summary>
    /// Registers (or replaces) a ZNS template of an OA: <c>template/info/v2</c> describes it, and sends are checked
    /// against it (-109 unknown template, -131 not approved, -146 disabled, -111/-112/-1121 for its data).
    /// </summary>
    /// <param name="oaId">The OA the template belongs to.</param>
    /// <param name="templateId">The template id.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="status"><c>ENABLE</c> (approved), <c>PENDING_REVIEW</c> (sendable in development mode only), <c>REJECT</c> or <c>DISABLE</c>.</param>
    /// <param name="name">The template's name.</param>
    public void RegisterZnsTemplate(string oaId, string templateId, IEnumerable<EmulatedZnsParameter> parameters, string status = "ENABLE", string name = "Mẫu thông báo")
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentNullException.ThrowIfNull(name);
        _backend.RegisterZnsTemplate(oaId, templateId, name, status, parameters.ToArray());
    }

    /// <summary>Sets how many charged template messages an OA may send per Vietnam day (default 500); more answer -144.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="dailyQuota">The quota (0 or more).</param>
    public void SetZnsDailyQuota(string oaId, int dailyQuota)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyQuota);
        _backend.SetZnsDailyQuota(oaId, dailyQuota);
    }
}
