namespace NinhBinh.Comms.Emulator;

/// <summary>A parameter of an emulated ZNS template, as <c>template/info/v2</c> lists it and sends are checked against.</summary>
/// <param name="Name">The key in <c>template_data</c>.</param>
/// <param name="Type">Zalo's type: <c>STRING</c>, <c>NUMBER</c> (digits, optional minus and decimal point) or <c>DATE</c> (<c>dd/MM/yyyy</c>).</param>
/// <param name="MaxLength">The longest value in characters (-1121 when over).</param>
/// <param name="Required">Whether a value must be given (-112 when missing).</param>
public sealed record EmulatedZnsParameter(string Name, string Type = "STRING", int MaxLength = 30, bool Required = true);
