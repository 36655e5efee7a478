using System;
using System.Linq;
using System.Text;
using CsCheck;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

public sealed class SpeechChunkerTests
{
    /// <summary>Every Vietnamese letter with every tone mark, lower and upper case (NFC).</summary>
    private const string Diacritics =
        "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ "
        + "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ";

    private static readonly string[] Separators = [" ", " ", " ", "  ", ". ", ", ", "; ", "! ", "? ", "… ", "\n", "\r\n", ".\n", "\t"];

    private const string Bulletin =
        "Thông báo của Ủy ban nhân dân xã Gia Sinh. Bão số 3 đang tiến vào vùng biển Ninh Bình! "
        + "Bà con ngư dân khẩn trương đưa tàu thuyền vào nơi tránh trú an toàn, gia cố nhà cửa, chằng chống mái tôn; "
        + "không ra khơi cho đến khi có thông báo mới. Mọi thắc mắc xin liên hệ trưởng thôn?\nXin cảm ơn…";

    [Theory]
    [InlineData("Xin chào bà con. Hôm nay trời nắng.", 20, new[] { "Xin chào bà con.", "Hôm nay trời nắng." })]
    [InlineData("Xin chào bà con. Hôm nay trời nắng.", 100, new[] { "Xin chào bà con. Hôm nay trời nắng." })]
    [InlineData("Cháy rừng! Sơ tán ngay? Đúng vậy… Hết.", 12, new[] { "Cháy rừng!", "Sơ tán ngay?", "Đúng vậy…", "Hết." })]
    [InlineData("Dòng một\nDòng hai\r\n\r\nDòng ba", 9, new[] { "Dòng một", "Dòng hai", "Dòng ba" })]
    [InlineData("Lúa, ngô, khoai, sắn đều tốt; mưa nhiều.", 16, new[] { "Lúa, ngô, khoai,", "sắn đều tốt;", "mưa nhiều." })]
    [InlineData("Giá 3.5 triệu đồng. Hết.", 40, new[] { "Giá 3.5 triệu đồng. Hết." })]
    [InlineData("Giá 3.5 triệu đồng. Hết.", 19, new[] { "Giá 3.5 triệu đồng.", "Hết." })]
    [InlineData("  nhiều    khoảng   trắng  ", 100, new[] { "nhiều khoảng trắng" })]
    [InlineData("một hai ba bốn năm sáu bảy tám", 10, new[] { "một hai ba", "bốn năm", "sáu bảy", "tám" })]
    [InlineData("Nghiêngnghiêngnghiêng", 8, new[] { "Nghiêngn", "ghiêngng", "hiêng" })]
    public void Splits_at_sentences_then_clauses_then_words(string text, int max, string[] expected)
    {
        Assert.Equal(expected, SpeechChunker.Split(text, max));
    }

    [Fact]
    public void Every_diacritic_is_kept_and_decomposed_input_comes_out_precomposed()
    {
        var decomposed = Diacritics.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Diacritics, decomposed);

        var chunks = SpeechChunker.Split(decomposed, 30);

        Assert.All(chunks, c => Assert.True(c.IsNormalized(NormalizationForm.FormC), c));
        Assert.All(chunks, c => Assert.True(c.Length <= 30, c));
        Assert.Equal(Diacritics.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(chunks).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(2000)]
    public void A_bulletin_is_cut_only_at_sentence_ends_when_its_sentences_fit(int max)
    {
        var sentences = new[]
        {
            "Thông báo của Ủy ban nhân dân xã Gia Sinh.",
            "Bão số 3 đang tiến vào vùng biển Ninh Bình!",
            "Mọi thắc mắc xin liên hệ trưởng thôn?",
            "Xin cảm ơn…",
        };
        var text = string.Join(" ", sentences);

        var chunks = SpeechChunker.Split(text, max);

        Assert.All(chunks, c => Assert.True(c.Length <= max, c));
        Assert.All(chunks, c => Assert.Contains(c[^1], ".!?…"));
        Assert.Equal(text, string.Join(" ", chunks));
    }

    [Fact]
    public void A_long_sentence_is_split_after_its_clauses_and_no_chunk_passes_the_limit()
    {
        var chunks = SpeechChunker.Split(Bulletin, 60);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 60));
        Assert.Equal(
            [
                "Thông báo của Ủy ban nhân dân xã Gia Sinh.",
                "Bão số 3 đang tiến vào vùng biển Ninh Bình!",
                "Bà con ngư dân khẩn trương đưa tàu thuyền vào nơi tránh trú", // a 68-character clause: cut between words
                "an toàn, gia cố nhà cửa, chằng chống mái tôn;",
                "không ra khơi cho đến khi có thông báo mới.",
                "Mọi thắc mắc xin liên hệ trưởng thôn? Xin cảm ơn…",
            ],
            chunks);
        Assert.Equal(Collapse(Bulletin), Collapse(string.Join(" ", chunks)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("... !!! ??? … ; , -")]
    public void Empty_or_punctuation_only_text_is_refused_naming_the_field(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => SpeechChunker.Split(text, 100));
        Assert.Equal("text", ex.ParamName);
        Assert.Contains("nothing to speak", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_too_small_is_refused_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpeechChunker.Split("Xin chào.", 3));
        Assert.Equal("maxLength", ex.ParamName);
        Assert.Contains("8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunks_rejoin_to_the_text_modulo_whitespace_and_never_pass_the_limit()
    {
        var letters = Gen.Char[Diacritics.Replace(" ", string.Empty, StringComparison.Ordinal) + "bcdghklmnpqrstvx0123456789"];
        var word = Gen.String[letters, 1, 14];
        var separator = Gen.Int[0, Separators.Length - 1].Select(i => Separators[i]);
        var text = Gen.Select(word, separator).Array[1, 60].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));
        var gen = Gen.Select(text, Gen.Int[SpeechChunker.MinMaxLength, 120], Gen.Bool);

        gen.Sample((t, max, decompose) =>
        {
            var input = decompose ? t.Normalize(NormalizationForm.FormD) : t;
            var chunks = SpeechChunker.Split(input, max);
            return chunks.Count > 0
                && chunks.All(c => c.Length <= max && c.Length > 0 && c == c.Trim() && c.IsNormalized(NormalizationForm.FormC))
                && NoSpace(string.Join(" ", chunks)) == NoSpace(t.Normalize(NormalizationForm.FormC));
        });
    }

    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
