using System;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>The strings Zalo's JSON uses for the SDK's enums.</summary>
internal static class ZaloWireNames
{
    public static string ButtonType(ZaloButtonType type) => type switch
    {
        ZaloButtonType.OpenUrl => "oa.open.url",
        ZaloButtonType.QueryShow => "oa.query.show",
        ZaloButtonType.QueryHide => "oa.query.hide",
        ZaloButtonType.OpenSms => "oa.open.sms",
        ZaloButtonType.OpenPhone => "oa.open.phone",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Zalo button type."),
    };
}
