using System;
using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator;

/// <summary>An article of an OA: its content as last accepted, its processing and its counters.</summary>
internal sealed class ArticleRecord(string id, string oaId, string type, JsonObject content, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string OaId { get; } = oaId;

    public string Type { get; } = type;

    public JsonObject Content { get; set; } = content;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>The token of its creation: the article exists for readers once that processing succeeded.</summary>
    public ArticleToken? Creation { get; set; }

    public long Views { get; set; }

    public long Shares { get; set; }

    public bool Removed { get; set; }
}

/// <summary>One asynchronous processing (a create or an update), answered by <c>article/verify</c>.</summary>
internal sealed class ArticleToken(string token, ArticleRecord article, JsonObject content, DateTimeOffset readyAt)
{
    public string Token { get; } = token;

    public ArticleRecord Article { get; } = article;

    /// <summary>The content being processed.</summary>
    public JsonObject Content { get; } = content;

    /// <summary>When processing ends, on the emulator's clock.</summary>
    public DateTimeOffset ReadyAt { get; } = readyAt;

    /// <summary>Decided once, when processing ends: null when it succeeded, otherwise why it failed.</summary>
    public string? Failure { get; set; }

    public bool Decided { get; set; }
}
