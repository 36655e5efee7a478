using System;
using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator;

/// <summary>What to answer.</summary>
internal sealed record Reply(int StatusCode, JsonNode? Json = null, string? Text = null, string? Location = null, TimeSpan? RetryAfter = null);
