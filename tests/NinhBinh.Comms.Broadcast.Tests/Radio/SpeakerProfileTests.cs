using System;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Broadcast.Tests.Radio;

public sealed class SpeakerProfileTests
{
    [Fact]
    public void Topics_follow_province_commune_device_and_group()
    {
        Assert.Equal("nbcomms/v1/37/14350/spk-1/cmd", SpeakerProfile.DeviceCommandTopic("37", "14350", "spk-1"));
        Assert.Equal("nbcomms/v1/37/14350/group/cum-loa-2/cmd", SpeakerProfile.GroupCommandTopic("37", "14350", "cum-loa-2"));
        Assert.Equal("nbcomms/v1/37/14350/all/cmd", SpeakerProfile.CommuneCommandTopic("37", "14350"));
        Assert.Equal("nbcomms/v1/37/14350/spk-1/evt", SpeakerProfile.EventTopic("37", "14350", "spk-1"));
        Assert.Equal("nbcomms/v1/37/14350/spk-1/state", SpeakerProfile.StateTopic("37", "14350", "spk-1"));
        Assert.Equal(("nbcomms/v1/37/14350/+/evt", "nbcomms/v1/37/14350/+/state"), SpeakerProfile.CommuneDeviceFilters("37", "14350"));
    }

    [Theory]
    [InlineData("37", "14350", "spk/1", "deviceId")]
    [InlineData("37", "14350", "spk+", "deviceId")]
    [InlineData("37", "14350", "all", "deviceId")]
    [InlineData("37", "14350", "group", "deviceId")]
    [InlineData("3x", "14350", "spk-1", "provinceCode")]
    [InlineData("37", "", "spk-1", "communeCode")]
    public void Topic_levels_that_would_break_the_layout_are_rejected(string province, string commune, string device, string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => SpeakerProfile.DeviceCommandTopic(province, commune, device));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Commands_check_their_limits_before_anything_is_sent()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => SpeakerCommand.SpeakText("c1", new string('a', SpeakerProfile.MaxTextLength + 1), BulletinPriority.Normal, SpeakerSamples.At)).ParamName);
        Assert.Contains("5000", Assert.Throws<ArgumentException>(() => SpeakerCommand.SpeakText("c1", new string('a', 5001), BulletinPriority.Normal, SpeakerSamples.At)).Message, StringComparison.Ordinal);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => SpeakerCommand.Volume("c1", 101, SpeakerSamples.At)).ParamName);
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => SpeakerCommand.PlayAudio("c1", new Uri("file:///tmp/a.mp3"), BulletinPriority.Normal, SpeakerSamples.At)).ParamName);
        Assert.Equal("commandId", Assert.Throws<ArgumentException>(() => SpeakerCommand.Ping(new string('x', 65), SpeakerSamples.At)).ParamName);
        Assert.Equal("priority", Assert.Throws<ArgumentOutOfRangeException>(() => SpeakerCommand.PlayAudio("c1", new Uri("https://a.vn/a.mp3"), (BulletinPriority)9, SpeakerSamples.At)).ParamName);
    }

    [Fact]
    public void A_schedule_sync_rejects_duplicate_entry_ids()
    {
        var entry = new SpeakerScheduleEntry("e1", new Uri("https://a.vn/a.mp3"), SpeakerSamples.At, SpeakerSamples.At.AddDays(1), new[] { DayOfWeek.Monday }, new[] { TimeSpan.FromHours(6) }, TimeSpan.FromMinutes(5));
        var ex = Assert.Throws<ArgumentException>(() => SpeakerCommand.ScheduleSync("c1", new[] { entry, entry }, SpeakerSamples.At));
        Assert.Contains("'e1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_entry_rejects_an_empty_or_inverted_window()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SpeakerScheduleEntry("e1", new Uri("https://a.vn/a.mp3"), SpeakerSamples.At, SpeakerSamples.At, new[] { DayOfWeek.Monday }, new[] { TimeSpan.FromHours(6) }, TimeSpan.FromMinutes(5)));
        Assert.Equal("validTo", ex.ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => new SpeakerScheduleEntry("e1", new Uri("https://a.vn/a.mp3"), SpeakerSamples.At, SpeakerSamples.At.AddDays(1), new[] { DayOfWeek.Monday }, new[] { TimeSpan.FromHours(24) }, TimeSpan.FromMinutes(5))).ParamName);
    }
}
