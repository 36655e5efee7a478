
namespace NinhBinh.Comms.Zalo;

/// <summary>The kind of Official Account (<c>oa_type</c>).</summary>
public enum ZaloOfficialAccountType
{
    /// <summary>Not known to the SDK.</summary>
    Unknown = 0,

    /// <summary>Enterprise (2).</summary>
    Enterprise = 2,

    /// <summary>Government body (4): what communes and departments run.</summary>
    GovernmentBody = 4,
}
