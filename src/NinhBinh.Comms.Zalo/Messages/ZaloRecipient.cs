using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>Who a message goes to: a follower by user id, or an anonymous visitor by anonymous id and conversation id.</summary>
public sealed class ZaloRecipient
{
    private ZaloRecipient(string? userId, string? anonymousId, string? conversationId)
    {
        UserId = userId;
        AnonymousId = anonymousId;
        ConversationId = conversationId;
    }

    /// <summary>The user id, for a follower.</summary>
    public string? UserId { get; }

    /// <summary>The anonymous id, for an anonymous visitor.</summary>
    public string? AnonymousId { get; }

    /// <summary>The conversation id, for an anonymous visitor.</summary>
    public string? ConversationId { get; }

    /// <summary>A follower, by the user id the OA sees.</summary>
    /// <param name="userId">The user id (digits).</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentException">The id is not 1–32 digits.</exception>
    public static ZaloRecipient User(string userId) => new(ZaloIds.CheckUserId(userId, nameof(userId)), null, null);

    /// <summary>An anonymous visitor (consultation messages only).</summary>
    /// <param name="anonymousId">The anonymous id from the webhook.</param>
    /// <param name="conversationId">The conversation id from the webhook.</param>
    /// <returns>The recipient.</returns>
    public static ZaloRecipient Anonymous(string anonymousId, string conversationId)
    {
        Check(anonymousId, nameof(anonymousId));
        Check(conversationId, nameof(conversationId));
        return new(null, anonymousId, conversationId);
    }

    /// <inheritdoc />
    public override string ToString() => UserId is not null ? "user " + UserId : "anonymous " + AnonymousId;

    private static void Check(string value, string name)
    {
        Guard.NotNullOrWhiteSpace(value, name);
        if (value.Length > 128)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; the limit is 128.", name);
        }
    }
}
