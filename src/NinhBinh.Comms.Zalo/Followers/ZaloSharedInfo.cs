using System.Linq;

namespace NinhBinh.Comms.Zalo;

/// <summary>Information a user shared with the OA (name, phone, address). Personal data: never logged by the SDK.</summary>
public sealed class ZaloSharedInfo
{
    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>The address.</summary>
    public string? Address { get; set; }

    /// <summary>The city or province.</summary>
    public string? City { get; set; }

    /// <summary>The district or commune.</summary>
    public string? District { get; set; }

    /// <summary>Describes the value without personal data.</summary>
    /// <returns>Which fields are set.</returns>
    public override string ToString()
        => "shared info (" + string.Join(", ", new[] { Name is null ? null : "name", Phone is null ? null : "phone", Address is null ? null : "address", City is null ? null : "city", District is null ? null : "district" }.Where(f => f is not null)) + ")";
}
