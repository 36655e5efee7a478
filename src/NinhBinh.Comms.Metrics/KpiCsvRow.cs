using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The fields of one CSV line, read in place: an unquoted line (most of them) is split by its commas into ranges of
/// the line, with no string per field; a line with quotes is split by <see cref="Internal.Csv.SplitLine"/> into strings.
/// </summary>
internal sealed class KpiCsvRow
{
    private readonly int[] _starts = new int[16];
    private readonly int[] _lengths = new int[16];
    private string _line = string.Empty;
    private List<string>? _quoted;

    /// <summary>The number of fields (only the first 16 can be read: no KPI file has more).</summary>
    public int Count { get; private set; }

    /// <summary>Splits a line (throws <see cref="FormatException"/> for a quoted field that is not closed).</summary>
    public void Split(string line, int lineNumber)
    {
        _line = line;
        if (line.IndexOf('"') >= 0)
        {
            _quoted = Internal.Csv.SplitLine(line, lineNumber);
            Count = _quoted.Count;
            return;
        }

        _quoted = null;
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = line.IndexOf(',', start);
            var end = comma < 0 ? line.Length : comma;
            if (count < _starts.Length)
            {
                _starts[count] = start;
                _lengths[count] = end - start;
            }

            count++;
            if (comma < 0)
            {
                break;
            }

            start = comma + 1;
        }

        Count = count;
    }

    /// <summary>A field with surrounding white space removed.</summary>
    public ReadOnlySpan<char> this[int index] => Raw(index).Trim();

    /// <summary>A field as written (for messages).</summary>
    public string Text(int index) => _quoted is null ? _line.Substring(_starts[index], _lengths[index]) : _quoted[index];

    private ReadOnlySpan<char> Raw(int index) => _quoted is null ? _line.AsSpan(_starts[index], _lengths[index]) : _quoted[index].AsSpan();
}
