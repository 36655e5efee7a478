namespace NinhBinh.Comms.Zalo;

/// <summary>An OA's own information (<c>getoa</c>). Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloOfficialAccountInfo"/>.</summary>
public sealed class ZaloOfficialAccountInfo
{
    internal ZaloOfficialAccountInfo(string oaId, string? name, string? description, string? alias, bool isVerified, int oaTypeCode,
        string? categoryName, long followerCount, string? avatar, string? packageName)
    {
        OaId = oaId;
        Name = name;
        Description = description;
        Alias = alias;
        IsVerified = isVerified;
        OaTypeCode = oaTypeCode;
        CategoryName = categoryName;
        FollowerCount = followerCount;
        Avatar = avatar;
        PackageName = packageName;
    }

    /// <summary>The OA id.</summary>
    public string OaId { get; }

    /// <summary>The name.</summary>
    public string? Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>The alias.</summary>
    public string? Alias { get; }

    /// <summary>Whether Zalo verified the OA.</summary>
    public bool IsVerified { get; }

    /// <summary>The OA type as Zalo numbers it (2 enterprise, 4 government body).</summary>
    public int OaTypeCode { get; }

    /// <summary>The OA type.</summary>
    public ZaloOfficialAccountType OaType => OaTypeCode switch
    {
        2 => ZaloOfficialAccountType.Enterprise,
        4 => ZaloOfficialAccountType.GovernmentBody,
        _ => ZaloOfficialAccountType.Unknown,
    };

    /// <summary>The category name.</summary>
    public string? CategoryName { get; }

    /// <summary>How many users follow the OA.</summary>
    public long FollowerCount { get; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; }

    /// <summary>The service package name.</summary>
    public string? PackageName { get; }
}
