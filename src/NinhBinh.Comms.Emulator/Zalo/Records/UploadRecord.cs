using System;

namespace NinhBinh.Comms.Emulator;

/// <summary>An uploaded image, gif or file, kept for 7 days.</summary>
internal sealed record UploadRecord(string Id, string OaId, string Kind, string FileName, int Length, DateTimeOffset ExpiresAt);
