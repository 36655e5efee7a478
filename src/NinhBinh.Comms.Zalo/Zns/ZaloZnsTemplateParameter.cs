namespace NinhBinh.Comms.Zalo;

/// <summary>One parameter of a ZNS template (<c>listParams</c>). Build one in tests with <see cref="ZaloModelFactory.ZaloZnsTemplateParameter"/>.</summary>
public sealed class ZaloZnsTemplateParameter
{
    internal ZaloZnsTemplateParameter(string name, bool isRequired, ZaloZnsParameterType type, string typeName, int maxLength)
    {
        Name = name;
        IsRequired = isRequired;
        Type = type;
        TypeName = typeName;
        MaxLength = maxLength;
    }

    /// <summary>The parameter's name, the key in <c>template_data</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a value must be given.</summary>
    public bool IsRequired { get; }

    /// <summary>The type of its values.</summary>
    public ZaloZnsParameterType Type { get; }

    /// <summary>The type as Zalo names it (<c>STRING</c>, <c>NUMBER</c>, <c>DATE</c>, …).</summary>
    public string TypeName { get; }

    /// <summary>The longest value, in characters; 0 when Zalo states no limit.</summary>
    public int MaxLength { get; }
}
