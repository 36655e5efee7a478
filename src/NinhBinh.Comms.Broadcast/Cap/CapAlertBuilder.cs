using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Builds the common CAP alert: one sender, infos in one or more languages sharing the same areas. Anything rarer is
/// an object initializer on <see cref="CapAlert"/>, <see cref="CapInfo"/> and <see cref="CapArea"/>.
/// </summary>
public sealed class CapAlertBuilder
{
    private readonly List<CapInfo> _infos = new();
    private readonly List<CapArea> _areas = new();
    private readonly List<CapResource> _resources = new();
    private string? _identifier;
    private string? _sender;
    private DateTimeOffset? _sent;
    private CapStatus _status = CapStatus.Actual;
    private CapMessageType _messageType = CapMessageType.Alert;
    private string? _references;
    private string? _note;

    internal CapAlertBuilder()
    {
    }

    /// <summary>Sets the <c>identifier</c> (a new one, <c>NBCOMMS-</c> and a GUID, when never set).</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder WithIdentifier(string identifier)
    {
        _identifier = identifier;
        return this;
    }

    /// <summary>Sets the <c>sender</c>.</summary>
    /// <param name="sender">The sender id, for example <c>ubnd.hoalu@ninhbinh.gov.vn</c>.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder WithSender(string sender)
    {
        _sender = sender;
        return this;
    }

    /// <summary>Sets the <c>sent</c> time (whole seconds are kept); by default, now in Vietnam time.</summary>
    /// <param name="sent">The time.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder WithSent(DateTimeOffset sent)
    {
        _sent = sent;
        return this;
    }

    /// <summary>Sets the <c>status</c> (default <see cref="CapStatus.Actual"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder WithStatus(CapStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Makes the alert an update or cancellation of earlier alerts (sets <c>msgType</c> and <c>references</c>).</summary>
    /// <param name="messageType">Update or Cancel (or Ack, Error).</param>
    /// <param name="earlier">The alerts it refers to.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder Referring(CapMessageType messageType, params CapAlert[] earlier)
    {
        _messageType = messageType;
        _references = string.Join(" ", (earlier ?? Array.Empty<CapAlert>()).Select(a => a.ToReference()));
        return this;
    }

    /// <summary>Sets the <c>note</c>.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder WithNote(string? note)
    {
        _note = note;
        return this;
    }

    /// <summary>Adds an info in one language; areas and resources added to the builder go to every info.</summary>
    /// <param name="language">The language, for example <c>vi-VN</c>.</param>
    /// <param name="category">The category.</param>
    /// <param name="eventType">The <c>event</c>.</param>
    /// <param name="urgency">The urgency.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="certainty">The certainty.</param>
    /// <param name="headline">The headline.</param>
    /// <param name="description">The description.</param>
    /// <param name="instruction">The instruction.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder AddInfo(string language, CapCategory category, string eventType, CapUrgency urgency, CapSeverity severity,
        CapCertainty certainty, string? headline = null, string? description = null, string? instruction = null)
    {
        _infos.Add(new CapInfo
        {
            Language = language,
            Categories = new[] { category },
            Event = eventType,
            Urgency = urgency,
            Severity = severity,
            Certainty = certainty,
            Headline = headline,
            Description = description,
            Instruction = instruction,
        });
        return this;
    }

    /// <summary>Adds an info built in full.</summary>
    /// <param name="info">The info (its own areas and resources are kept; the builder's are added).</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder AddInfo(CapInfo info)
    {
        _infos.Add(info ?? throw new ArgumentNullException(nameof(info)));
        return this;
    }

    /// <summary>Adds an area to every info.</summary>
    /// <param name="description">The <c>areaDesc</c>.</param>
    /// <param name="geocodes">Its geocodes.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder AddArea(string description, params CapNamedValue[] geocodes)
    {
        _areas.Add(new CapArea { Description = description, Geocodes = geocodes ?? Array.Empty<CapNamedValue>() });
        return this;
    }

    /// <summary>Adds an area built in full to every info.</summary>
    /// <param name="area">The area.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder AddArea(CapArea area)
    {
        _areas.Add(area ?? throw new ArgumentNullException(nameof(area)));
        return this;
    }

    /// <summary>Adds a resource to every info.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>This builder.</returns>
    public CapAlertBuilder AddResource(CapResource resource)
    {
        _resources.Add(resource ?? throw new ArgumentNullException(nameof(resource)));
        return this;
    }

    /// <summary>Builds the alert and checks it with <see cref="CapValidator"/>.</summary>
    /// <param name="timeProvider">The clock for a default <c>sent</c> (default: the system clock).</param>
    /// <returns>The alert.</returns>
    /// <exception cref="CapValidationException">The alert breaks CAP 1.2; every problem is listed.</exception>
    public CapAlert Build(TimeProvider? timeProvider = null)
    {
        var alert = new CapAlert
        {
            Identifier = _identifier ?? "NBCOMMS-" + Guid.NewGuid().ToString("N"),
            Sender = _sender ?? string.Empty,
            Sent = _sent ?? VietnamTime.ToVietnamTime((timeProvider ?? TimeProvider.System).GetUtcNow()),
            Status = _status,
            MessageType = _messageType,
            Scope = CapScope.Public,
            Note = _note,
            References = _references,
            Infos = _infos.Select(i => new CapInfo
            {
                Language = i.Language,
                Categories = i.Categories,
                Event = i.Event,
                ResponseTypes = i.ResponseTypes,
                Urgency = i.Urgency,
                Severity = i.Severity,
                Certainty = i.Certainty,
                Audience = i.Audience,
                EventCodes = i.EventCodes,
                Effective = i.Effective,
                Onset = i.Onset,
                Expires = i.Expires,
                SenderName = i.SenderName,
                Headline = i.Headline,
                Description = i.Description,
                Instruction = i.Instruction,
                Web = i.Web,
                Contact = i.Contact,
                Parameters = i.Parameters,
                Resources = i.Resources.Concat(_resources).ToArray(),
                Areas = i.Areas.Concat(_areas).ToArray(),
            }).ToArray(),
        };
        alert = new CapAlert
        {
            Identifier = alert.Identifier, Sender = alert.Sender, Status = alert.Status, MessageType = alert.MessageType, Scope = alert.Scope,
            Note = alert.Note, References = alert.References, Infos = alert.Infos,
            Sent = new DateTimeOffset(alert.Sent.Ticks - (alert.Sent.Ticks % TimeSpan.TicksPerSecond), alert.Sent.Offset),
        };
        var result = CapValidator.Validate(alert);
        return result.IsValid ? alert : throw new CapValidationException(result);
    }
}
