#if !NET
using System;

namespace Refit;

// netstandard2.0 only: no-op stand-ins for the Refit attributes used by ZaloApis.cs, so the same interface source
// compiles there. Nothing reads them; ManualZaloApis.cs implements the interfaces.

[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostAttribute : Attribute
{
    public PostAttribute(string path) => Path = path;

    public string Path { get; }
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class GetAttribute : Attribute
{
    public GetAttribute(string path) => Path = path;

    public string Path { get; }
}

[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class HeaderAttribute : Attribute
{
    public HeaderAttribute(string header) => Header = header;

    public string Header { get; }
}

[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class QueryAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class BodyAttribute : Attribute
{
    public BodyAttribute()
    {
    }

    public BodyAttribute(BodySerializationMethod method) => Method = method;

    public BodySerializationMethod Method { get; }
}

internal enum BodySerializationMethod
{
    Default = 0,
    UrlEncoded = 1,
}
#endif
