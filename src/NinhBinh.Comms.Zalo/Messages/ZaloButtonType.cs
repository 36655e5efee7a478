namespace NinhBinh.Comms.Zalo;

/// <summary>The action of a <see cref="ZaloButton"/>; the SDK sends Zalo's wire name shown for each value.</summary>
public enum ZaloButtonType
{
    /// <summary>Opens a web page (<c>oa.open.url</c>).</summary>
    OpenUrl = 0,

    /// <summary>Sends a query back to the OA, shown in the user's chat (<c>oa.query.show</c>).</summary>
    QueryShow = 1,

    /// <summary>Sends a query back to the OA, hidden from the user's chat (<c>oa.query.hide</c>).</summary>
    QueryHide = 2,

    /// <summary>Opens an SMS to a number with a prepared text (<c>oa.open.sms</c>).</summary>
    OpenSms = 3,

    /// <summary>Calls a phone number (<c>oa.open.phone</c>).</summary>
    OpenPhone = 4,
}
