using System;

namespace NinhBinh.Comms.Emulator;

/// <summary>A message the emulator accepted and recorded as sent.</summary>
/// <param name="MessageId">The message id returned to the caller (32 hex digits).</param>
/// <param name="Kind">"cs", "transaction", "promotion", "template" (OA template by user id) or "zns" (ZBS template by phone).</param>
/// <param name="UserId">The recipient's user id, or <see langword="null"/> for anonymous and ZNS recipients.</param>
/// <param name="AnonymousId">The anonymous recipient's id, when the message went to an anonymous user.</param>
/// <param name="Text">The text of a text message (message.text), otherwise <see langword="null"/>.</param>
/// <param name="RawJson">The request body exactly as received.</param>
/// <param name="SentAt">When the message was accepted, on the emulator's clock.</param>
public sealed record EmulatedMessage(
    string MessageId,
    string Kind,
    string? UserId,
    string? AnonymousId,
    string? Text,
    string RawJson,
    DateTimeOffset SentAt);
