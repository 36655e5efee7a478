using System;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Tracks the element path while reading: <c>alert/info[1]/area[2]/polygon[1]</c> (repeatable elements get a 1-based
/// index). Cheap on the happy path: the text is only built when a problem asks for it.
/// </summary>
internal sealed class CapPath
{
    private const int RepeatableCount = 11;

    private Level[] _levels = new Level[16];
    private int _count = 1; // _levels[0] is the document

    public void Push(string name)
    {
        var index = 0;
        var repeatable = RepeatableSlot(name);
        if (repeatable >= 0)
        {
            ref var parent = ref _levels[_count - 1];
            parent.Counts ??= new int[RepeatableCount];
            index = ++parent.Counts[repeatable];
        }

        if (_count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        _levels[_count++] = new Level(name, index);
    }

    public void Pop()
    {
        if (_count > 1)
        {
            _levels[--_count] = default;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 1; i < _count; i++)
        {
            if (i > 1)
            {
                text.Append('/');
            }

            text.Append(_levels[i].Name);
            if (_levels[i].Index > 0)
            {
                text.Append('[').Append(_levels[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return text.ToString();
    }

    public static string Segment(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The elements that may repeat in CAP 1.2, numbered in the path (<c>info[2]</c>); -1 for the others.</summary>
    private static int RepeatableSlot(string name) => name switch
    {
        "info" => 0,
        "category" => 1,
        "responseType" => 2,
        "eventCode" => 3,
        "parameter" => 4,
        "resource" => 5,
        "area" => 6,
        "polygon" => 7,
        "circle" => 8,
        "geocode" => 9,
        "code" => 10,
        _ => -1,
    };

    private struct Level
    {
        public Level(string name, int index)
        {
            Name = name;
            Index = index;
            Counts = null;
        }

        public string Name { get; }

        public int Index { get; }

        public int[]? Counts { get; set; }
    }
}
