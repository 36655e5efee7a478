using System;
using NinhBinh.Comms.Broadcast.Radio.Scheduling;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Scheduling;

public sealed class RadioStationTests
{
    private static SpeakerCluster Cluster(string id, params string[] devices) => new(id, "Cụm loa " + id, new[] { new SpeakerDeviceGroup(id + "-g1", devices) });

    [Fact]
    public void A_station_of_a_commune_valid_on_the_date_knows_its_clusters_and_devices()
    {
        var station = new RadioStation("14329", new DateTime(2026, 1, 1), new[] { Cluster("dong", "spk-1", "spk-2"), Cluster("tay", "spk-3") });

        Assert.Equal("14329", station.CommuneCode);
        Assert.Contains("Hoa Lư", station.CommuneName, StringComparison.Ordinal);
        Assert.Equal(new[] { "spk-1", "spk-2", "spk-3" }, station.DeviceIds);
        Assert.Equal("tay", station.FindCluster("spk-3")!.Id);
        Assert.Null(station.FindCluster("spk-9"));
    }

    [Fact]
    public void A_commune_merged_in_2025_is_refused_after_the_merger_and_accepted_before()
    {
        var after = Assert.Throws<ArgumentException>(() => new RadioStation("14320", new DateTime(2026, 1, 1), new[] { Cluster("c", "spk-1") }));
        var before = new RadioStation("14320", new DateTime(2025, 6, 30), new[] { Cluster("c", "spk-1") });

        Assert.Equal("communeCode", after.ParamName);
        Assert.StartsWith("The communeCode 14320 is not a commune valid on 2026-01-01", after.Message, StringComparison.Ordinal);
        Assert.Equal("14320", before.CommuneCode);
    }

    [Fact]
    public void Unknown_codes_provinces_and_repeated_devices_are_refused_naming_the_field()
    {
        var today = new DateTime(2026, 1, 1);

        Assert.Equal("communeCode", Assert.Throws<ArgumentException>(() => new RadioStation("99999", today, new[] { Cluster("c", "spk-1") })).ParamName);
        Assert.Contains("5-digit", Assert.Throws<ArgumentException>(() => new RadioStation("37", today, new[] { Cluster("c", "spk-1") })).Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => new RadioStation("14329", today, new[] { Cluster("a", "spk-1"), Cluster("b", "spk-1") }));
        Assert.Equal("clusters", twice.ParamName);
        Assert.Contains("device 'spk-1' twice", twice.Message, StringComparison.Ordinal);
        Assert.Equal("deviceIds", Assert.Throws<ArgumentException>(() => new SpeakerDeviceGroup("g", new[] { "a/b" })).ParamName);
        Assert.Equal("deviceIds", Assert.Throws<ArgumentException>(() => new SpeakerDeviceGroup("g", Array.Empty<string>())).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new SpeakerCluster("c", " ", new[] { new SpeakerDeviceGroup("g", new[] { "d" }) })).ParamName);
    }
}
