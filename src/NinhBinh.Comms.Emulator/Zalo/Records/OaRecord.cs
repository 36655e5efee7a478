using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Emulator;

internal sealed class OaRecord(string oaId, string name, int oaType, string? appId)
{
    public string OaId { get; } = oaId;

    public string Name { get; set; } = name;

    public int OaType { get; set; } = oaType;

    public string? AppId { get; set; } = appId;

    public List<UserRecord> Users { get; } = [];

    public Dictionary<string, UserRecord> UsersById { get; } = new(StringComparer.Ordinal);

    public List<string> Tags { get; } = [];

    public List<EmulatedMessage> Messages { get; } = [];

    public Dictionary<string, EmulatedMessage> MessagesById { get; } = new(StringComparer.Ordinal);

    public List<string> AccessTokens { get; } = [];

    public int RefreshCount { get; set; }

    public void AddTag(string tag)
    {
        if (!Tags.Contains(tag, StringComparer.Ordinal))
        {
            Tags.Add(tag);
        }
    }
}
