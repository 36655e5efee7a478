using System;
using System.Globalization;
using System.Text.Json;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>One asset as <c>GET /api/v2/assets</c> lists it (the fields the adapter reads).</summary>
internal sealed class AnthiasAsset
{
    public string AssetId { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset? StartDate { get; private set; }

    public DateTimeOffset? EndDate { get; private set; }

    public bool IsEnabled { get; private set; }

    public bool IsActive { get; private set; }

    public int PlayOrder { get; private set; }

    public bool IsInterrupt => Name.StartsWith(AnthiasBoardSystem.InterruptNamePrefix, StringComparison.Ordinal);

    /// <summary>Reads an asset object; <see langword="null"/> when it has no <c>asset_id</c>.</summary>
    public static AnthiasAsset? From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("asset_id", out var id) || id.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(id.GetString()))
        {
            return null;
        }

        return new AnthiasAsset
        {
            AssetId = id.GetString()!,
            Name = element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : string.Empty,
            StartDate = Date(element, "start_date"),
            EndDate = Date(element, "end_date"),
            IsEnabled = Flag(element, "is_enabled"),
            IsActive = Flag(element, "is_active"),
            PlayOrder = element.TryGetProperty("play_order", out var order) && order.ValueKind == JsonValueKind.Number && order.TryGetInt32(out var o) ? o : 0,
        };
    }

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n != 0));

    private static DateTimeOffset? Date(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
