using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A ZNS / ZBS template as Zalo describes it (<c>template/info/v2</c>): its status and parameters. Build one in tests
/// with <see cref="ZaloModelFactory.ZaloZnsTemplate"/>.
/// </summary>
public sealed class ZaloZnsTemplate
{
    internal ZaloZnsTemplate(string templateId, string? name, string status, IReadOnlyList<ZaloZnsTemplateParameter> parameters, decimal? price)
    {
        TemplateId = templateId;
        Name = name;
        Status = status;
        Parameters = parameters;
        Price = price;
    }

    /// <summary>The template's id.</summary>
    public string TemplateId { get; }

    /// <summary>The template's name, if Zalo gave it.</summary>
    public string? Name { get; }

    /// <summary>Zalo's status: <c>ENABLE</c> (approved, can be sent), <c>PENDING_REVIEW</c>, <c>REJECT</c> or <c>DISABLE</c>.</summary>
    public string Status { get; }

    /// <summary>Whether the template is approved and enabled (<see cref="Status"/> is <c>ENABLE</c>).</summary>
    public bool IsEnabled => string.Equals(Status, "ENABLE", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parameters <c>template_data</c> is checked against.</summary>
    public IReadOnlyList<ZaloZnsTemplateParameter> Parameters { get; }

    /// <summary>The price of one message in VND, when Zalo gave it.</summary>
    public decimal? Price { get; }
}
