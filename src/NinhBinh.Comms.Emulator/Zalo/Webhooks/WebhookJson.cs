using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace NinhBinh.Comms.Emulator;

/// <summary>Source-generated JSON for webhook bodies.</summary>
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class WebhookJson : JsonSerializerContext
{
    /// <summary>Vietnamese text as UTF-8, not \u escapes, as Zalo's own deliveries mostly carry it.</summary>
    public static WebhookJson Utf8 { get; } = new(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
