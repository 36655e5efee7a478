using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <content>The ZNS / ZBS template message models.</content>
public static partial class ZaloModelFactory
{
    /// <summary>Builds the answer to a ZNS / ZBS template message.</summary>
    /// <param name="messageId">Zalo's id of the message.</param>
    /// <param name="sentAt">When Zalo accepted it.</param>
    /// <param name="quota">The OA's quota after it.</param>
    /// <returns>The result.</returns>
    public static ZaloZnsResult ZaloZnsResult(string messageId, DateTimeOffset? sentAt = null, ZaloZnsQuota? quota = null)
        => new(Guard.NotNullOrWhiteSpace(messageId), sentAt, quota);

    /// <summary>Builds an OA's daily ZNS quota.</summary>
    /// <param name="dailyQuota">Messages allowed per day.</param>
    /// <param name="remainingQuota">Messages left today.</param>
    /// <returns>The quota.</returns>
    public static ZaloZnsQuota ZaloZnsQuota(int dailyQuota, int remainingQuota) => new(dailyQuota, remainingQuota);

    /// <summary>Builds the delivery status of a ZNS message.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="isDelivered">Whether it reached the phone.</param>
    /// <param name="deliveredAt">When.</param>
    /// <param name="description">Zalo's description.</param>
    /// <returns>The status.</returns>
    public static ZaloZnsMessageStatus ZaloZnsMessageStatus(string messageId, bool isDelivered, DateTimeOffset? deliveredAt = null, string? description = null)
        => new(Guard.NotNullOrWhiteSpace(messageId), isDelivered, deliveredAt, description);

    /// <summary>Builds a ZNS template description.</summary>
    /// <param name="templateId">The template id.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="status">Zalo's status (<c>ENABLE</c> when approved).</param>
    /// <param name="name">Its name.</param>
    /// <param name="price">The price of one message in VND.</param>
    /// <returns>The template.</returns>
    public static ZaloZnsTemplate ZaloZnsTemplate(string templateId, IEnumerable<ZaloZnsTemplateParameter>? parameters = null, string status = "ENABLE",
        string? name = null, decimal? price = null)
        => new(Guard.NotNullOrWhiteSpace(templateId), name, Guard.NotNull(status), (parameters ?? Enumerable.Empty<ZaloZnsTemplateParameter>()).ToArray(), price);

    /// <summary>Builds a ZNS template parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The type.</param>
    /// <param name="maxLength">The longest value (0: no limit).</param>
    /// <param name="isRequired">Whether a value must be given.</param>
    /// <returns>The parameter.</returns>
    public static ZaloZnsTemplateParameter ZaloZnsTemplateParameter(string name, ZaloZnsParameterType type = ZaloZnsParameterType.Text, int maxLength = 0, bool isRequired = true)
        => new(Guard.NotNullOrWhiteSpace(name), isRequired, type, type switch { ZaloZnsParameterType.Text => "STRING", ZaloZnsParameterType.Number => "NUMBER", ZaloZnsParameterType.Date => "DATE", _ => "OTHER" }, maxLength);
}
