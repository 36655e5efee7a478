using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

/// <summary>A broadcast the emulator accepted: which article went to which followers.</summary>
/// <param name="MessageId">The message id returned to the caller (32 hex digits).</param>
/// <param name="ArticleId">The article broadcast.</param>
/// <param name="RecipientIds">The followers who matched the target and received it, in follower order.</param>
/// <param name="RawJson">The request body exactly as received (the target in the encoding the client chose).</param>
/// <param name="SentAt">When the broadcast was accepted, on the emulator's clock.</param>
public sealed record EmulatedBroadcast(
    string MessageId,
    string ArticleId,
    IReadOnlyList<string> RecipientIds,
    string RawJson,
    DateTimeOffset SentAt);
