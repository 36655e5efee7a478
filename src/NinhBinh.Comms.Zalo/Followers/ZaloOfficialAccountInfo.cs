
namespace NinhBinh.Comms.Zalo;

/// <summary>An OA's own information (<c>getoa</c>).</summary>
public sealed class ZaloOfficialAccountInfo
{
    /// <summary>The OA id.</summary>
    public string OaId { get; set; } = string.Empty;

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The alias.</summary>
    public string? Alias { get; set; }

    /// <summary>Whether Zalo verified the OA.</summary>
    public bool IsVerified { get; set; }

    /// <summary>The OA type as Zalo numbers it (2 enterprise, 4 government body).</summary>
    public int OaTypeCode { get; set; }

    /// <summary>The OA type.</summary>
    public ZaloOfficialAccountType OaType => OaTypeCode switch
    {
        2 => ZaloOfficialAccountType.Enterprise,
        4 => ZaloOfficialAccountType.GovernmentBody,
        _ => ZaloOfficialAccountType.Unknown,
    };

    /// <summary>The category name.</summary>
    public string? CategoryName { get; set; }

    /// <summary>How many users follow the OA.</summary>
    public long FollowerCount { get; set; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The service package name.</summary>
    public string? PackageName { get; set; }
}
