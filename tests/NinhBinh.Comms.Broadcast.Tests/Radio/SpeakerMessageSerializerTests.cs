using System;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Broadcast.Tests.Radio;

public sealed class SpeakerMessageSerializerTests
{
    [Fact]
    public void Every_command_reads_back_as_written()
    {
        foreach (var command in SpeakerSamples.Commands())
        {
            var payload = SpeakerMessageSerializer.Serialize(command);
            var back = SpeakerMessageSerializer.ParseCommand(payload);
            Assert.Equal(payload, SpeakerMessageSerializer.Serialize(back));
            Assert.Equal(command.CommandId, back.CommandId);
            Assert.Equal(command.Kind, back.Kind);
            Assert.Equal(command.IssuedAt, back.IssuedAt);
        }
    }

    [Fact]
    public void Every_event_reads_back_as_written()
    {
        foreach (var speakerEvent in SpeakerSamples.Events())
        {
            var payload = SpeakerMessageSerializer.Serialize(speakerEvent);
            var back = SpeakerMessageSerializer.ParseEvent(payload);
            Assert.Equal(payload, SpeakerMessageSerializer.Serialize(back));
            Assert.Equal(speakerEvent.Kind, back.Kind);
            Assert.Equal(speakerEvent.DeviceId, back.DeviceId);
        }
    }

    [Fact]
    public void Vietnamese_text_and_the_schedule_survive_the_wire()
    {
        var text = "Bão số 3 đổ bộ vào Ninh Bình. Người dân không ra khơi!";
        var speak = SpeakerMessageSerializer.ParseCommand(SpeakerMessageSerializer.Serialize(SpeakerCommand.SpeakText("c1", text, BulletinPriority.Emergency, SpeakerSamples.At)));
        Assert.Equal(text, speak.Text);
        Assert.Equal(BulletinPriority.Emergency, speak.Priority);
        Assert.Equal("vi", speak.Language);

        var sync = SpeakerMessageSerializer.ParseCommand(SpeakerMessageSerializer.Serialize(SpeakerSamples.Commands().Single(c => c.CommandId == "cmd-10")));
        var entry = sync.Schedule[0];
        Assert.Equal(new[] { DayOfWeek.Sunday, DayOfWeek.Monday }, entry.Days);
        Assert.Equal(new[] { new TimeSpan(6, 0, 0), new TimeSpan(17, 30, 0) }, entry.Times);
        Assert.Equal(TimeSpan.FromMinutes(15), entry.Duration);
        Assert.Equal(2, entry.Repeats);
        Assert.Contains("\"days\":[7,1]", Encoding.UTF8.GetString(SpeakerMessageSerializer.Serialize(sync)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_payload_carries_the_protocol_version_and_kind()
    {
        foreach (var payload in SpeakerSamples.Commands().Select(SpeakerMessageSerializer.Serialize).Concat(SpeakerSamples.Events().Select(SpeakerMessageSerializer.Serialize)))
        {
            Assert.StartsWith("{\"version\":\"1.0\",\"kind\":\"", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"version":"1.0","kind":"ack","at":"2026-11-28T15:30:00+07:00","commandId":"c1"}""", "deviceId")]
    [InlineData("""{"version":"1.0","kind":"ack","deviceId":"d 1","at":"2026-11-28T15:30:00+07:00","commandId":"c1"}""", "deviceId")]
    [InlineData("""{"version":"2.0","kind":"ack","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","commandId":"c1"}""", "version")]
    [InlineData("""{"version":"1.0","kind":"explode","deviceId":"d1","at":"2026-11-28T15:30:00+07:00"}""", "kind")]
    [InlineData("""{"version":"1.0","kind":"heartbeat","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","volume":400}""", "volumeLevel")]
    [InlineData("""{"version":"1.0","kind":"heartbeat","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","volume":"loud"}""", "volume")]
    [InlineData("""{"version":"1.0","kind":"state","deviceId":"d1","at":"yesterday","online":true}""", "at")]
    [InlineData("""{"version":"1.0","kind":"failed","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","commandId":"c1"}""", "reason")]
    public void A_malformed_event_is_rejected_naming_the_field(string json, string field)
    {
        var ex = Assert.Throws<SpeakerMessageException>(() => SpeakerMessageSerializer.ParseEvent(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"version\":\"1.0\"")]
    public void A_payload_that_is_not_a_JSON_object_is_rejected(string json)
    {
        var ex = Assert.Throws<SpeakerMessageException>(() => SpeakerMessageSerializer.ParseEvent(Encoding.UTF8.GetBytes(json)));
        Assert.Null(ex.Field);
    }

    [Fact]
    public void An_oversized_event_is_rejected_before_parsing_with_the_limit_named()
    {
        var payload = new byte[SpeakerProfile.MaxPayloadBytes + 1];
        var ex = Assert.Throws<SpeakerMessageException>(() => SpeakerMessageSerializer.ParseEvent(payload));
        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_with_a_non_http_url_is_rejected_naming_the_url()
    {
        var ex = Assert.Throws<SpeakerMessageException>(() => SpeakerMessageSerializer.ParseCommand(Encoding.UTF8.GetBytes(
            """{"version":"1.0","kind":"play","commandId":"c1","issuedAt":"2026-11-28T15:30:00+07:00","priority":"normal","url":"file:///etc/passwd"}""")));
        Assert.Equal("url", ex.Field);
    }

    [Fact]
    public void Readers_ignore_fields_they_do_not_know_and_accept_a_newer_minor_version()
    {
        var e = SpeakerMessageSerializer.ParseEvent(Encoding.UTF8.GetBytes(
            """{"version":"1.3","kind":"ack","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","commandId":"c1","battery":80}"""));
        Assert.Equal(SpeakerEventKind.Ack, e.Kind);
        Assert.Equal("c1", e.CommandId);
    }
}
