using System;
using System.IO;
using System.Linq;
using System.Text;
using Snapshooter.Xunit;

namespace NinhBinh.Comms.Tests;

public class AdministrativeUnitRegistryTests
{
    private static readonly DateTime BeforeReform = new(2025, 6, 30);
    private static readonly DateTime AfterReform = new(2025, 7, 1);
    private static readonly AdministrativeUnitRegistry Registry = AdministrativeUnitRegistry.Default;

    [Fact]
    public void Default_data_has_63_provinces_before_the_reform_and_34_after()
    {
        Assert.Equal(63, Registry.GetProvinces(BeforeReform).Count);
        Assert.Equal(34, Registry.GetProvinces(AfterReform).Count);
        Assert.Equal(34, Registry.GetProvinces(new DateTime(2026, 11, 26)).Count);
    }

    [Fact]
    public void Default_data_names_its_source_and_date()
    {
        Assert.Contains("202/2025/QH15", Registry.Source);
        Assert.Contains("1674/NQ-UBTVQH15", Registry.Source);
        Assert.Equal(AfterReform, Registry.DataDate);
    }

    [Fact]
    public void Ninh_Binh_has_129_communes_after_the_reform_32_of_them_wards()
    {
        var communes = Registry.GetChildren("37", AfterReform);

        Assert.Equal(129, communes.Count);
        Assert.Equal(32, communes.Count(c => c.Name.StartsWith("Phường ", StringComparison.Ordinal)));
        Assert.Equal(97, communes.Count(c => c.Name.StartsWith("Xã ", StringComparison.Ordinal)));
        Assert.All(communes, c => Assert.Equal(AdministrativeLevel.Commune, c.Level));
        Assert.Contains(communes, c => c.Code == "14329" && c.Name == "Phường Hoa Lư");
        Assert.Contains(communes, c => c.Code == "14674" && c.Name == "Xã Lai Thành");
    }

    [Fact]
    public void Before_the_reform_Ninh_Binh_had_districts_not_communes_directly()
    {
        var children = Registry.GetChildren("37", BeforeReform);
        Assert.All(children, c => Assert.Equal(AdministrativeLevel.District, c.Level));
        Assert.Contains(children, c => c.Code == "374");
    }

    [Theory]
    [InlineData("35", "37")] // Hà Nam -> Ninh Bình
    [InlineData("36", "37")] // Nam Định -> Ninh Bình
    [InlineData("37", "37")]
    [InlineData("10", "15")] // Lào Cai (old) -> Lào Cai (seat in Yên Bái, 15)
    [InlineData("74", "79")] // Bình Dương -> TP Hồ Chí Minh
    [InlineData("01", "01")] // Hà Nội unchanged
    public void Old_province_codes_resolve_to_their_successor(string oldCode, string newCode)
    {
        var resolved = Assert.Single(Registry.Resolve(oldCode, new DateTime(2026, 1, 1)));
        Assert.Equal(newCode, resolved.Code);
        Assert.Null(resolved.ValidTo);
    }

    [Fact]
    public void A_code_resolves_to_itself_while_valid()
    {
        var old = Assert.Single(Registry.Resolve("35", BeforeReform));
        Assert.Equal("Tỉnh Hà Nam", old.Name);
        Assert.Equal(BeforeReform, old.ValidTo);
    }

    [Fact]
    public void A_split_commune_resolves_to_every_successor()
    {
        var resolved = Registry.Resolve("14503", AfterReform); // Xã Gia Tân, split in two
        Assert.Equal(new[] { "14488", "14533" }, resolved.Select(u => u.Code).OrderBy(c => c));
    }

    [Fact]
    public void A_reused_code_means_the_current_unit_unless_the_recording_date_is_given()
    {
        Assert.Equal(new[] { "13285" }, Registry.Resolve("13285", AfterReform).Select(u => u.Code));
        Assert.Equal(new[] { "13285", "13366" }, Registry.Resolve("13285", BeforeReform, AfterReform).Select(u => u.Code).OrderBy(c => c));
        Assert.Equal("Phường Quang Trung", Assert.Single(Registry.Resolve("13285", BeforeReform, BeforeReform)).Name);
        Assert.Contains("not valid on that date", Assert.Throws<AdministrativeUnitNotFoundException>(() => Registry.Resolve("35", AfterReform, AfterReform)).Message);
    }

    [Fact]
    public void An_old_district_resolves_to_the_new_communes()
    {
        var resolved = Registry.Resolve("374", AfterReform);
        Assert.Contains(resolved, u => u.Code == "14329");
        Assert.All(resolved, u => Assert.Equal("37", u.ParentCode));
    }

    [Fact]
    public void Huế_became_a_city_on_2025_01_01()
    {
        Assert.Equal("Tỉnh Thừa Thiên Huế", Registry.Find("46", new DateTime(2024, 12, 31))!.Name);
        Assert.Equal("Thành phố Huế", Registry.Find("46", new DateTime(2025, 1, 1))!.Name);
        Assert.Equal(2, Registry.GetVersions("46").Count);
    }

    [Fact]
    public void Unknown_codes_fail_with_a_typed_exception_naming_the_code()
    {
        var ex = Assert.Throws<AdministrativeUnitNotFoundException>(() => Registry.Resolve("99", AfterReform));
        Assert.Equal("99", ex.Code);
        Assert.Contains("unknown", ex.Message);
        Assert.False(Registry.TryResolve("99999", AfterReform, out var none));
        Assert.Empty(none);
        Assert.Null(Registry.Find("99", AfterReform));
    }

    [Fact]
    public void A_unit_not_yet_valid_or_ended_without_successor_is_reported()
    {
        var registry = new AdministrativeUnitRegistry(new[]
        {
            new AdministrativeUnit("98", "Tỉnh Tương Lai", AdministrativeLevel.Province, validFrom: new DateTime(2030, 1, 1)),
            new AdministrativeUnit("97", "Tỉnh Đã Giải Thể", AdministrativeLevel.Province, validTo: new DateTime(2020, 1, 1)),
        }, "test", new DateTime(2026, 1, 1));

        Assert.Contains("valid only from 2030-01-01", Assert.Throws<AdministrativeUnitNotFoundException>(() => registry.Resolve("98", AfterReform)).Message);
        Assert.Contains("without successors", Assert.Throws<AdministrativeUnitNotFoundException>(() => registry.Resolve("97", AfterReform)).Message);
    }

    [Fact]
    public void Resolved_Ha_Nam_communes_match_the_snapshot()
    {
        // Every old commune of the former Phủ Lý city (347) and the new commune it belongs to today.
        var mapping = Registry.GetChildren("347", BeforeReform)
            .Select(c => new { Old = c.Code + " " + c.Name, New = Registry.Resolve(c.Code, BeforeReform, AfterReform).Select(u => u.Code + " " + u.Name).ToArray() })
            .ToArray();

        Assert.NotEmpty(mapping);
        Snapshot.Match(mapping);
    }

    [Fact]
    public void Csv_loader_reads_metadata_comments_and_quoted_fields()
    {
        const string csv = "\uFEFF# source: Test list\n# date: 2026-01-01\ncode,name,level,parent,valid_from,valid_to,successors\n"
            + "90,\"Tỉnh Thử, Nghiệm\",province,,,2025-06-30,91\n91,Tỉnh Mới,province,,2025-07-01,,\n";

        var registry = AdministrativeUnitRegistry.LoadCsv(new StringReader(csv));

        Assert.Equal("Test list", registry.Source);
        Assert.Equal(new DateTime(2026, 1, 1), registry.DataDate);
        Assert.Equal("Tỉnh Thử, Nghiệm", registry.GetVersions("90").Single().Name);
        Assert.Equal("91", registry.Resolve("90", AfterReform).Single().Code);
    }

    [Theory]
    [InlineData("code,name\n", "header")]
    [InlineData("code,name,level,parent,valid_from,valid_to,successors\n90,X,province,,,\n", "Line 2: expected 7 fields")]
    [InlineData("code,name,level,parent,valid_from,valid_to,successors\n90,X,county,,,,\n", "Line 2: level 'county'")]
    [InlineData("code,name,level,parent,valid_from,valid_to,successors\n901,X,province,,,,\n", "Line 2: '901' is not a Province code")]
    [InlineData("code,name,level,parent,valid_from,valid_to,successors\n90,X,province,,2025-13-01,,\n", "valid_from '2025-13-01'")]
    [InlineData("code,name,level,parent,valid_from,valid_to,successors\n90,\"X,province,,,,\n", "not closed")]
    public void Csv_loader_reports_the_line_and_field(string body, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AdministrativeUnitRegistry.LoadCsv(new StringReader(body), "t", AfterReform));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Csv_loader_requires_provenance()
    {
        var ex = Assert.Throws<FormatException>(() => AdministrativeUnitRegistry.LoadCsv(new StringReader("code,name,level,parent,valid_from,valid_to,successors\n")));
        Assert.Contains("source", ex.Message);
    }

    [Fact]
    public void Registry_rejects_inconsistent_data()
    {
        Assert.Contains("successor 92", Assert.Throws<ArgumentException>(() => new AdministrativeUnitRegistry(new[]
        {
            new AdministrativeUnit("90", "A", AdministrativeLevel.Province, validTo: new DateTime(2025, 6, 30), successorCodes: new[] { "92" }),
        }, "t", AfterReform)).Message);
        Assert.Contains("overlapping", Assert.Throws<ArgumentException>(() => new AdministrativeUnitRegistry(new[]
        {
            new AdministrativeUnit("90", "A", AdministrativeLevel.Province),
            new AdministrativeUnit("90", "B", AdministrativeLevel.Province, validFrom: new DateTime(2025, 7, 1)),
        }, "t", AfterReform)).Message);
    }

    [Fact]
    public void Unit_constructor_checks_code_shape_and_parent()
    {
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new AdministrativeUnit("3701", "X", AdministrativeLevel.Commune, "37")).ParamName);
        Assert.Equal("parentCode", Assert.Throws<ArgumentException>(() => new AdministrativeUnit("14329", "X", AdministrativeLevel.Commune)).ParamName);
        Assert.Equal("parentCode", Assert.Throws<ArgumentException>(() => new AdministrativeUnit("37", "X", AdministrativeLevel.Province, "01")).ParamName);
        Assert.Equal("validTo", Assert.Throws<ArgumentException>(() => new AdministrativeUnit("37", "X", AdministrativeLevel.Province, null, new DateTime(2025, 1, 2), new DateTime(2025, 1, 1))).ParamName);
        Assert.Equal("successorCodes", Assert.Throws<ArgumentException>(() => new AdministrativeUnit("37", "X", AdministrativeLevel.Province, successorCodes: new[] { "38" })).ParamName);
    }

    [Fact]
    public void Json_updates_replace_the_versions_of_their_codes_only()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "units-update.json"));
        var update = AdministrativeUnitRegistry.LoadJson(stream);
        var combined = Registry.WithUpdates(update);

        Assert.Equal("Phường Cố Đô Hoa Lư", combined.Find("14329", new DateTime(2027, 1, 2))!.Name);
        Assert.Equal("Phường Hoa Lư", combined.Find("14329", new DateTime(2026, 1, 1))!.Name);
        Assert.Null(combined.Find("14329", new DateTime(2024, 1, 1))); // the old Phường Vân Giang version was replaced by the update
        Assert.Equal(129, combined.GetChildren("37", new DateTime(2027, 1, 2)).Count);
        Assert.Equal(new DateTime(2027, 1, 1), combined.DataDate);
        Assert.Contains("Test update", combined.Source);
    }

    [Fact]
    public void LoadFile_chooses_the_format_by_extension()
    {
        var path = Path.Combine(Path.GetTempPath(), "nbcomms-units-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "# source: file\n# date: 2026-02-01\ncode,name,level,parent,valid_from,valid_to,successors\n90,X,province,,,,\n", Encoding.UTF8);
        try
        {
            Assert.Equal("X", AdministrativeUnitRegistry.LoadFile(path).Find("90", AfterReform)!.Name);
            Assert.Throws<ArgumentException>(() => AdministrativeUnitRegistry.LoadFile("units.xml"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("[]", "must be an object")]
    [InlineData("{\"date\":\"2026-01-01\",\"units\":[]}", "$.source")]
    [InlineData("{\"source\":\"s\",\"date\":\"2026-01-01\",\"units\":[{\"code\":\"90\",\"name\":\"X\",\"level\":7}]}", "$.units[0].level must be a string")]
    public void Json_loader_names_the_bad_field(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AdministrativeUnitRegistry.LoadJson(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Area_codes_resolve_to_the_communes_they_cover_each_once()
    {
        var registry = AdministrativeUnitRegistry.Default;
        var day = new DateTime(2026, 11, 28);

        Assert.Equal(new[] { "14329", "14359", "14533", "14566" }, registry.ResolveCommunes(new[] { "374" }, day).Select(c => c.Code));
        Assert.Equal(129, registry.ResolveCommunes(new[] { "14329", "37", "14320" }, day).Count);
        Assert.Equal("14329", registry.ResolveCommunes(new[] { "14329", "37" }, day)[0].Code);
        Assert.Empty(registry.ResolveCommunes(new[] { "99", " " }, day));
    }
}
