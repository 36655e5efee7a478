using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP 1.2 <c>info</c>: the event, its urgency, severity and certainty, texts in one language, resources and areas.</summary>
public sealed class CapInfo
{
    /// <summary>The language CAP assumes when <c>language</c> is absent.</summary>
    public const string DefaultLanguage = "en-US";

    /// <summary>The <c>language</c> (RFC 3066), or null when absent (CAP then means <see cref="DefaultLanguage"/>).</summary>
    public string? Language { get; init; }

    /// <summary>The language in effect: <see cref="Language"/> or <see cref="DefaultLanguage"/>.</summary>
    public string EffectiveLanguage => string.IsNullOrEmpty(Language) ? DefaultLanguage : Language!;

    /// <summary>The <c>category</c> values (at least one).</summary>
    public IReadOnlyList<CapCategory> Categories { get; init; } = Array.Empty<CapCategory>();

    /// <summary>The <c>event</c> (required): the type of the subject event.</summary>
    public string Event { get; init; } = string.Empty;

    /// <summary>The <c>responseType</c> values.</summary>
    public IReadOnlyList<CapResponseType> ResponseTypes { get; init; } = Array.Empty<CapResponseType>();

    /// <summary>The <c>urgency</c> (required).</summary>
    public CapUrgency Urgency { get; init; } = CapUrgency.Unknown;

    /// <summary>The <c>severity</c> (required).</summary>
    public CapSeverity Severity { get; init; } = CapSeverity.Unknown;

    /// <summary>The <c>certainty</c> (required).</summary>
    public CapCertainty Certainty { get; init; } = CapCertainty.Unknown;

    /// <summary>The <c>audience</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>The <c>eventCode</c>s.</summary>
    public IReadOnlyList<CapNamedValue> EventCodes { get; init; } = Array.Empty<CapNamedValue>();

    /// <summary>The <c>effective</c> time.</summary>
    public DateTimeOffset? Effective { get; init; }

    /// <summary>The <c>onset</c> time.</summary>
    public DateTimeOffset? Onset { get; init; }

    /// <summary>The <c>expires</c> time.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The <c>senderName</c>: the agency as people know it.</summary>
    public string? SenderName { get; init; }

    /// <summary>The <c>headline</c> (CAP suggests at most 160 characters).</summary>
    public string? Headline { get; init; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>instruction</c>: what to do.</summary>
    public string? Instruction { get; init; }

    /// <summary>The <c>web</c> address for more information (kept as written).</summary>
    public string? Web { get; init; }

    /// <summary>The <c>contact</c>.</summary>
    public string? Contact { get; init; }

    /// <summary>The <c>parameter</c>s.</summary>
    public IReadOnlyList<CapNamedValue> Parameters { get; init; } = Array.Empty<CapNamedValue>();

    /// <summary>The <c>resource</c>s.</summary>
    public IReadOnlyList<CapResource> Resources { get; init; } = Array.Empty<CapResource>();

    /// <summary>The <c>area</c>s.</summary>
    public IReadOnlyList<CapArea> Areas { get; init; } = Array.Empty<CapArea>();
}
