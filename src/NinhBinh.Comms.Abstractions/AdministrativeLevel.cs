namespace NinhBinh.Comms;

/// <summary>The level of an administrative unit (codes per Quyết định 124/2004/QĐ-TTg and its successors).</summary>
public enum AdministrativeLevel
{
    /// <summary>Province or centrally governed city (tỉnh, thành phố trực thuộc trung ương): 2-digit code.</summary>
    Province = 1,

    /// <summary>District (huyện, quận, thị xã, thành phố thuộc tỉnh): 3-digit code. Abolished on 2025-07-01; kept for history.</summary>
    District = 2,

    /// <summary>Commune (xã, phường, thị trấn; since 2025-07-01 also đặc khu): 5-digit code.</summary>
    Commune = 3,
}
