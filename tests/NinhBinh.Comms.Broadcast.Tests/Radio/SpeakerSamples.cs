using System;
using System.Collections.Generic;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Broadcast.Tests.Radio;

/// <summary>One sample of every message the SDK builds, with and without its optional fields.</summary>
internal static class SpeakerSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.FromHours(7));

    public static IEnumerable<SpeakerCommand> Commands()
    {
        yield return SpeakerCommand.PlayAudio("cmd-1", new Uri("https://radio.example.vn/ban-tin/bao-lu.mp3"), BulletinPriority.Emergency, At, TimeSpan.FromSeconds(92.5));
        yield return SpeakerCommand.PlayAudio("cmd-2", new Uri("http://127.0.0.1:8000/xa-gia-vien.m3u"), BulletinPriority.Normal, At);
        yield return SpeakerCommand.SpeakText("cmd-3", "Bão số 3 đổ bộ vào Ninh Bình lúc 14 giờ. Người dân không ra khơi.", BulletinPriority.Priority, At);
        yield return SpeakerCommand.SpeakText("cmd-4", "Thông báo lịch tiêm chủng.", BulletinPriority.Normal, At, "vi-VN");
        yield return SpeakerCommand.Stop("cmd-5", At);
        yield return SpeakerCommand.Stop("cmd-6", At, "cmd-1");
        yield return SpeakerCommand.Volume("cmd-7", 0, At);
        yield return SpeakerCommand.Volume("cmd-8", 100, At);
        yield return SpeakerCommand.ScheduleSync("cmd-9", Array.Empty<SpeakerScheduleEntry>(), At);
        yield return SpeakerCommand.ScheduleSync(
            "cmd-10",
            new[]
            {
                new SpeakerScheduleEntry("morning-news", new Uri("https://radio.example.vn/thoi-su.mp3"), At, At.AddMonths(6), new[] { DayOfWeek.Monday, DayOfWeek.Sunday }, new[] { new TimeSpan(6, 0, 0), new TimeSpan(17, 30, 0) }, TimeSpan.FromMinutes(15), 2),
                new SpeakerScheduleEntry("weekend", new Uri("https://radio.example.vn/van-nghe.mp3"), At, At.AddDays(30), new[] { DayOfWeek.Saturday }, new[] { new TimeSpan(19, 0, 0) }, TimeSpan.FromMinutes(30)),
            },
            At);
        yield return SpeakerCommand.Reboot("cmd-11", At);
        yield return SpeakerCommand.Ping("cmd-12", At);
    }

    public static IEnumerable<SpeakerEvent> Events()
    {
        yield return SpeakerEvent.Ack("spk-37-14350-a1", "cmd-1", At);
        yield return SpeakerEvent.Started("spk-37-14350-a1", "cmd-1", At);
        yield return SpeakerEvent.Finished("spk-37-14350-a1", "cmd-1", At);
        yield return SpeakerEvent.Failed("spk-37-14350-a1", "cmd-1", "Không tải được tệp âm thanh (HTTP 404).", At);
        yield return SpeakerEvent.Heartbeat("spk-37-14350-a1", 70, At);
        yield return SpeakerEvent.Heartbeat("spk-37-14350-a1", 70, At, "cmd-1", -85);
        yield return SpeakerEvent.State("spk-37-14350-a1", false, At);
        yield return SpeakerEvent.State("spk-37-14350-a1", true, At, 55, "2.4.1", "cmd-3", -101);
    }
}
