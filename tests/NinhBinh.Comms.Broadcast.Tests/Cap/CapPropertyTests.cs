using System;
using System.Linq;
using CsCheck;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

/// <summary>CsCheck: random valid models write schema-valid CAP 1.2 that reads back equal.</summary>
public class CapPropertyTests
{
    private static readonly string[] Prefixes = { "", " ", "Cảnh báo lũ — ", "<&>\"'", "\n" };
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-@"], 1, 30];
    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 0, 40].Select(Gen.Int[0, 4].Select(i => Prefixes[i]), (a, b) => b + a);
    private static readonly Gen<DateTimeOffset> Time = Gen.Long[new DateTime(2000, 1, 1).Ticks / TimeSpan.TicksPerSecond, new DateTime(2040, 1, 1).Ticks / TimeSpan.TicksPerSecond]
        .Select(Gen.Int[-12 * 4, 14 * 4], (s, q) => new DateTimeOffset(s * TimeSpan.TicksPerSecond, TimeSpan.FromMinutes(q * 15)));
    private static readonly Gen<decimal> Lat = Gen.Int[-90_0000, 90_0000].Select(i => i / 10000m);
    private static readonly Gen<decimal> Lon = Gen.Int[-180_0000, 180_0000].Select(i => i / 10000m);
    private static readonly Gen<CapPoint> Point = Gen.Select(Lat, Lon, (a, o) => new CapPoint(a, o));
    private static readonly Gen<CapPolygon> Polygon = Point.Array[3, 8].Select(ps => new CapPolygon(ps.Append(ps[0])));
    private static readonly Gen<CapNamedValue> Pair = Gen.Select(Token, Text, (n, v) => new CapNamedValue(n, v));

    private static readonly Gen<CapArea> Area = Gen.Select(Text.Where(t => t.Trim().Length > 0), Polygon.Array[0, 2], Gen.Select(Point, Gen.Int[0, 5000]).Select(t => new CapCircle(t.Item1, t.Item2 / 10m)).Array[0, 2], Pair.Array[0, 3], Gen.Int[0, 3000].Select(a => (decimal)a).Nullable())
        .Select(t => new CapArea { Description = t.Item1, Polygons = t.Item2, Circles = t.Item3, Geocodes = t.Item4, Altitude = t.Item5, Ceiling = t.Item5 + 100 });

    private static readonly Gen<CapResource> Resource = Gen.Select(Text.Where(t => t.Trim().Length > 0), Gen.Bool.Select(b => b ? "audio/mpeg" : "image/png"), Gen.Byte.Array[0, 50])
        .Select(t => new CapResource { Description = t.Item1, MimeType = t.Item2, Size = t.Item3.Length, DerefUri = Convert.ToBase64String(t.Item3), Digest = CapResource.ComputeDigest(t.Item3) });

    private static readonly Gen<CapInfo> Info = Gen.Select(Gen.Enum<CapCategory>().Array[1, 3], Token, Gen.Enum<CapUrgency>(), Gen.Enum<CapSeverity>(), Gen.Enum<CapCertainty>(), Gen.Select(Text.Null(), Text.Null(), Time.Nullable()), Gen.Select(Area.Array[0, 3], Resource.Array[0, 2], Pair.Array[0, 2], Gen.Enum<CapResponseType>().Array[0, 2]))
        .Select(t => new CapInfo
        {
            Categories = t.Item1, Event = t.Item2, Urgency = t.Item3, Severity = t.Item4, Certainty = t.Item5,
            Headline = t.Item6.Item1, Description = t.Item6.Item2, Onset = t.Item6.Item3,
            Areas = t.Item7.Item1, Resources = t.Item7.Item2, Parameters = t.Item7.Item3, ResponseTypes = t.Item7.Item4,
        });

    private static readonly Gen<CapAlert> Alert = Gen.Select(Token, Token, Time, Gen.Enum<CapStatus>(), Info.Array[0, 3], Gen.Select(Text.Null(), Token.Array[0, 2]))
        .Select(t => new CapAlert
        {
            Identifier = t.Item1, Sender = t.Item2, Sent = t.Item3, Status = t.Item4,
            Infos = t.Item5.Select((info, i) => new CapInfo
            {
                Language = "vi-VN-x" + i, Categories = info.Categories, Event = info.Event, Urgency = info.Urgency, Severity = info.Severity, Certainty = info.Certainty,
                Headline = info.Headline, Description = info.Description, Onset = info.Onset, Areas = info.Areas, Resources = info.Resources, Parameters = info.Parameters, ResponseTypes = info.ResponseTypes,
            }).ToArray(),
            Note = t.Item6.Item1, Codes = t.Item6.Item2,
        });

    [Fact]
    public void Random_valid_models_write_schema_valid_xml_that_reads_back_equal()
    {
        Alert.Sample(alert =>
        {
            Assert.True(CapValidator.Validate(alert).IsValid, string.Join("\n", CapValidator.Validate(alert).Errors));
            var read = CapReader.Parse(CapWriter.ToXml(alert));

            Assert.True(read.IsValid, string.Join("\n", read.Validation.Errors));
            CapRoundTripTests.AssertSameModel(alert, read.Alert!);
        }, iter: 300);
    }

    [Fact]
    public void Polygon_coordinates_parse_exactly_as_decimal_parse_does_including_scale_and_long_numbers()
    {
        var number = Gen.Select(Gen.String[Gen.Char["-+"], 0, 1], Gen.String[Gen.Char["0123456789"], 1, 24], Gen.String[Gen.Char["0123456789"], 0, 12].Null())
            .Select((sign, whole, fraction) => sign + whole + (fraction is null ? string.Empty : "." + fraction));
        Gen.Select(number, number).Sample((lat, lon) =>
        {
            const System.Globalization.NumberStyles Styles = System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint;
            var expected = decimal.TryParse(lat, Styles, System.Globalization.CultureInfo.InvariantCulture, out var a)
                & decimal.TryParse(lon, Styles, System.Globalization.CultureInfo.InvariantCulture, out var o);
            var text = $"{lat},{lon} {lat},{lon}";

            Assert.Equal(expected, CapPolygon.TryParse(text, out var polygon));
            if (expected)
            {
                Assert.Equal((a, o), (polygon!.Points[0].Latitude, polygon.Points[0].Longitude));
                Assert.Equal($"{a.ToString(System.Globalization.CultureInfo.InvariantCulture)},{o.ToString(System.Globalization.CultureInfo.InvariantCulture)}", polygon.Points[1].ToString());
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("20.25,105.97 x", false)]
    [InlineData("20.25,", false)]
    [InlineData(",105.97", false)]
    [InlineData("-,105.97", false)]
    [InlineData("20.2.5,105.97", false)]
    [InlineData("20.25,105.97e1", false)]
    [InlineData(" \t20.25,105.97\n 20.26,105.98 ", true)]
    [InlineData("", false)]
    public void Polygon_text_that_is_not_coordinate_pairs_is_refused(string text, bool parses)
    {
        Assert.Equal(parses, CapPolygon.TryParse(text, out _));
    }
}
