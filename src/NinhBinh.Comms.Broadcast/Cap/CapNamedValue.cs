using System;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A name/value pair of CAP 1.2 (<c>eventCode</c>, <c>parameter</c>, <c>geocode</c>): <c>valueName</c> and <c>value</c>.</summary>
public sealed class CapNamedValue : IEquatable<CapNamedValue>
{
    /// <summary>Creates a pair.</summary>
    /// <param name="valueName">The system-specific name (for example <c>profile:CAP-CP:Location:0.3</c> or <c>VN-ADM</c>).</param>
    /// <param name="value">The value.</param>
    public CapNamedValue(string valueName, string value)
    {
        ValueName = valueName ?? throw new ArgumentNullException(nameof(valueName));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>valueName</c>.</summary>
    public string ValueName { get; }

    /// <summary>The <c>value</c>.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public bool Equals(CapNamedValue? other) => other is not null && ValueName == other.ValueName && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CapNamedValue);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ValueName) ^ StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => ValueName + "=" + Value;
}
