using System;
using System.Collections.Concurrent;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// Template descriptions per OA and template, kept for <see cref="Lifetime"/> on the app's clock: two sends of one
/// template make one <c>template/info/v2</c> request. An entry is dropped early when Zalo refuses a send for a reason
/// that may mean the template changed (-109, -111, -112, -1121, -131, -146).
/// </summary>
internal sealed class ZnsTemplateCache
{
    /// <summary>How long a template's description is trusted: 30 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string OaId, string TemplateId), (ZaloZnsTemplate Template, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly TimeProvider _time;

    public ZnsTemplateCache(TimeProvider time) => _time = time;

    public bool TryGet(string oaId, string templateId, out ZaloZnsTemplate template)
    {
        if (_entries.TryGetValue((oaId, templateId), out var entry) && _time.GetUtcNow() < entry.ExpiresAt)
        {
            template = entry.Template;
            return true;
        }

        template = null!;
        return false;
    }

    public void Set(string oaId, string templateId, ZaloZnsTemplate template)
        => _entries[(oaId, templateId)] = (template, _time.GetUtcNow() + Lifetime);

    public void Remove(string oaId, string templateId) => _entries.TryRemove((oaId, templateId), out _);
}
