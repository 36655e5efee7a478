using System;
using System.Linq;
using NinhBinh.Comms.Broadcast.Boards.Rendering;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Rendering;

/// <summary>Wrapping and fitting with a monospaced measure: 10 px per character at size 10, in proportion at other sizes.</summary>
public class BoardTextBlockTests
{
    private static Func<string, float> Mono(float size) => text => text.Length * size;

    [Fact]
    public void Greedy_wrap_puts_as_many_words_on_a_line_as_fit()
    {
        var lines = BoardTextBlock.Wrap("một hai ba bốn năm sáu", 100, Mono(10));

        Assert.Equal(new[] { "một hai ba", "bốn năm", "sáu" }, lines);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_broken_between_letters()
    {
        var lines = BoardTextBlock.Wrap("ngắn nghiêngnghiêngnghiêng", 80, Mono(10));

        Assert.Equal(new[] { "ngắn", "nghiêngn", "ghiêngng", "hiêng" }, lines);
        Assert.All(lines, line => Assert.True(line.Length * 10 <= 80));
    }

    [Fact]
    public void Line_breaks_and_empty_lines_are_kept()
    {
        Assert.Equal(new[] { "a", string.Empty, "b c" }, BoardTextBlock.Wrap("a\n\nb   c", 100, Mono(10)));
    }

    [Fact]
    public void Fit_shrinks_until_the_text_fits()
    {
        var block = BoardTextBlock.Fit("một hai ba bốn năm sáu bảy tám", 100, 30, maxSize: 10, minSize: 4, lineSpacing: 1, maxLines: int.MaxValue, Mono);

        Assert.False(block.Truncated);
        Assert.True(block.FontSize < 10);
        Assert.True(block.Height <= 30);
        Assert.Equal("một hai ba bốn năm sáu bảy tám", string.Join(" ", block.Lines));
        Assert.All(block.Lines, line => Assert.True(line.Length * block.FontSize <= 100));
    }

    [Fact]
    public void At_the_smallest_size_the_last_line_that_fits_ends_with_an_ellipsis()
    {
        var text = string.Join(" ", Enumerable.Repeat("chữ", 50));
        var block = BoardTextBlock.Fit(text, 100, 30, maxSize: 10, minSize: 10, lineSpacing: 1, maxLines: int.MaxValue, Mono);

        Assert.True(block.Truncated);
        Assert.Equal(3, block.Lines.Count);
        Assert.Equal("chữ chữ…", block.Lines[2]);
        Assert.All(block.Lines, line => Assert.True(line.Length * 10 <= 100));
    }

    [Fact]
    public void Max_lines_holds_at_any_size()
    {
        var block = BoardTextBlock.Fit(string.Join(" ", Enumerable.Repeat("từ", 40)), 100, 1000, maxSize: 10, minSize: 8, lineSpacing: 1, maxLines: 2, Mono);

        Assert.True(block.Truncated);
        Assert.Equal(2, block.Lines.Count);
        Assert.EndsWith("…", block.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_normalises_to_nfc_and_drops_control_characters()
    {
        Assert.Equal("Việt\nNam a b", BoardText.Clean("Vie\u0323\u0302t\r\nNam\u0007 a\tb"));
    }
}
