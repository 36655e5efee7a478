using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// A CAP 1.2 <c>alert</c> message: immutable; read it with <see cref="CapReader"/>, write it with <see cref="CapWriter"/>,
/// check it with <see cref="CapValidator"/>, build the common case with <see cref="CreateBuilder"/>.
/// </summary>
public sealed class CapAlert
{
    /// <summary>The <c>identifier</c> (required): unique for the sender; no spaces, commas, &lt; or &amp;.</summary>
    public string Identifier { get; init; } = string.Empty;

    /// <summary>The <c>sender</c> (required): globally unique id of the originator; no spaces, commas, &lt; or &amp;.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>The <c>sent</c> time (required), written with its offset (Vietnam: +07:00), whole seconds.</summary>
    public DateTimeOffset Sent { get; init; }

    /// <summary>The <c>status</c> (required).</summary>
    public CapStatus Status { get; init; } = CapStatus.Actual;

    /// <summary>The <c>msgType</c> (required).</summary>
    public CapMessageType MessageType { get; init; } = CapMessageType.Alert;

    /// <summary>The <c>source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The <c>scope</c> (required).</summary>
    public CapScope Scope { get; init; } = CapScope.Public;

    /// <summary>The <c>restriction</c>: only with scope <see cref="CapScope.Restricted"/>.</summary>
    public string? Restriction { get; init; }

    /// <summary>The <c>addresses</c>: space-separated, required with scope <see cref="CapScope.Private"/>.</summary>
    public string? Addresses { get; init; }

    /// <summary>The <c>code</c>s (special handling codes).</summary>
    public IReadOnlyList<string> Codes { get; init; } = Array.Empty<string>();

    /// <summary>The <c>note</c>.</summary>
    public string? Note { get; init; }

    /// <summary>The <c>references</c>: space-separated <c>sender,identifier,sent</c> triples (Update and Cancel need them).</summary>
    public string? References { get; init; }

    /// <summary>The <c>incidents</c>.</summary>
    public string? Incidents { get; init; }

    /// <summary>The <c>info</c>s, one per language.</summary>
    public IReadOnlyList<CapInfo> Infos { get; init; } = Array.Empty<CapInfo>();

    /// <summary>Starts a builder for the common case: one alert, infos in one or more languages, areas.</summary>
    /// <returns>A new builder.</returns>
    public static CapAlertBuilder CreateBuilder() => new();

    /// <summary>The reference to this alert as another alert's <see cref="References"/> names it: <c>sender,identifier,sent</c>.</summary>
    /// <returns>The triple.</returns>
    public string ToReference() => Sender + "," + Identifier + "," + CapText.FormatDateTime(Sent);

    /// <inheritdoc />
    public override string ToString() => $"{Identifier} {Status} {MessageType} from {Sender}";
}
