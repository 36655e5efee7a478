namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>A rectangle on the page, in pixels from the top left.</summary>
internal readonly struct BoardBox
{
    public BoardBox(float left, float top, float width, float height)
    {
        Left = left;
        Top = top;
        Width = width;
        Height = height;
    }

    public float Left { get; }

    public float Top { get; }

    public float Width { get; }

    public float Height { get; }

    public float Right => Left + Width;

    public float Bottom => Top + Height;
}
