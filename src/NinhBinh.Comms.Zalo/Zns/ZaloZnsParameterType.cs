namespace NinhBinh.Comms.Zalo;

/// <summary>The type of a ZNS template parameter, which decides the values <c>template_data</c> may carry for it.</summary>
public enum ZaloZnsParameterType
{
    /// <summary>A type the SDK does not know: only the length is checked.</summary>
    Other = 0,

    /// <summary><c>STRING</c>: any text.</summary>
    Text = 1,

    /// <summary><c>NUMBER</c>: digits, with an optional leading minus and an optional decimal point (<c>150000</c>, <c>12.5</c>).</summary>
    Number = 2,

    /// <summary><c>DATE</c>: a date written <c>dd/MM/yyyy</c> (<c>28/11/2026</c>).</summary>
    Date = 3,
}
