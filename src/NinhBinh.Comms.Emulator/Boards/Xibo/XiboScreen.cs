using System;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>What one emulated display shows on screen at a moment, as a passer-by would see it.</summary>
public sealed class XiboScreen
{
    internal XiboScreen(int displayId, string displayName, bool isOnline, int? layoutId, string? layoutName, string? widgetType, string? content,
        bool isInterrupt, DateTimeOffset? interruptUntil)
    {
        DisplayId = displayId;
        DisplayName = displayName;
        IsOnline = isOnline;
        LayoutId = layoutId;
        LayoutName = layoutName;
        WidgetType = widgetType;
        Content = content;
        IsInterrupt = isInterrupt;
        InterruptUntil = interruptUntil;
    }

    /// <summary>The display's id.</summary>
    public int DisplayId { get; }

    /// <summary>The display's name.</summary>
    public string DisplayName { get; }

    /// <summary>Whether the display is connected to the CMS.</summary>
    public bool IsOnline { get; }

    /// <summary>The layout on screen, or <see langword="null"/> when nothing is.</summary>
    public int? LayoutId { get; }

    /// <summary>The name of the layout on screen.</summary>
    public string? LayoutName { get; }

    /// <summary>The type of the layout's first widget (<c>embedded</c>, <c>webpage</c>, <c>image</c>, <c>video</c>, <c>text</c>).</summary>
    public string? WidgetType { get; }

    /// <summary>The widget's content: the embedded HTML, the web page or media URL, the text.</summary>
    public string? Content { get; }

    /// <summary>Whether the screen shows an interrupt (changeLayout) rather than its schedule.</summary>
    public bool IsInterrupt { get; }

    /// <summary>When the interrupt ends by itself, or <see langword="null"/> (no interrupt, or until reverted).</summary>
    public DateTimeOffset? InterruptUntil { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{DisplayId} {DisplayName}: {(IsOnline ? "online" : "offline")}, {(LayoutName ?? "nothing")}{(IsInterrupt ? " (interrupt)" : string.Empty)}";
}
