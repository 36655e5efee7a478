using System;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>The fields of a <c>POST /api/v2/assets</c> body.</summary>
internal sealed record AnthiasNewAsset(string Name, string Uri, string? Ext, DateTimeOffset Start, DateTimeOffset End, int Duration,
    string Mimetype, int PlayOrder);
