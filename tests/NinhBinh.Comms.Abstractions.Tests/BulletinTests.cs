using System;
using System.Linq;

namespace NinhBinh.Comms.Tests;

public class BulletinTests
{
    [Fact]
    public void Build_with_valid_fields_keeps_every_value_and_defaults()
    {
        var bulletin = TestBulletins.ValidBuilder().WithCampaign("cdt-2026").WithTargetAreas("37", "14329").Build();

        Assert.Equal("Thông báo lịch tiêm chủng mở rộng tháng 12", bulletin.Title);
        Assert.Equal("vi", bulletin.Language);
        Assert.Equal(BulletinPriority.Normal, bulletin.Priority);
        Assert.Equal(new[] { "y-te", "tiem-chung" }, bulletin.Topics);
        Assert.Equal(new[] { "37", "14329" }, bulletin.TargetAreas);
        Assert.Equal("cdt-2026", bulletin.CampaignId);
        Assert.Single(bulletin.Attachments);
        Assert.True(bulletin.Attachments[0].IsAudio);
        Assert.Matches("^[0-9a-f]{32}$", bulletin.Id);
    }

    [Fact]
    public void Build_generates_distinct_ids_and_keeps_a_given_one()
    {
        var builder = TestBulletins.ValidBuilder();
        Assert.NotEqual(builder.Build().Id, builder.Build().Id);
        Assert.Equal("nb-2026:0001", builder.WithId("nb-2026:0001").Build().Id);
    }

    [Fact]
    public void Validate_reports_every_problem_with_its_field()
    {
        var builder = Bulletin.CreateBuilder()
            .WithId("bad id!")
            .WithTitle(new string('x', BulletinLimits.MaxTitleLength + 1))
            .WithBody("  ")
            .WithLanguage("vietnamese language")
            .WithTopics("y-te", "Y-TE", "")
            .WithAttachment(new BulletinAttachment(new Uri("ftp://x.example/a.mp3"), "audio", 0, TimeSpan.Zero))
            .WithValidity(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(7)))
            .WithPriority((BulletinPriority)7)
            .WithTargetAreas("3", "37", "37");

        var problems = builder.Validate();
        var fields = problems.Select(p => p.Field).ToArray();

        Assert.Equal(new[]
        {
            "Id", "Title", "Body", "Attachments[0].Uri", "Attachments[0].MediaType", "Attachments[0].SizeBytes", "Attachments[0].Duration",
            "Language", "Topics[1]", "Topics[2]", "IssuingAgency", "ValidUntil", "Priority", "TargetAreas[0]", "TargetAreas[2]",
        }, fields);
        Assert.Contains(problems, p => p.Field == "Title" && p.Message.Contains("251") && p.Message.Contains("250"));
    }

    [Fact]
    public void Build_throws_an_argument_exception_listing_every_problem()
    {
        var ex = Assert.Throws<BulletinValidationException>(() => Bulletin.CreateBuilder().WithBody("x").Build());

        Assert.Equal(new[] { "Title", "IssuingAgency" }, ex.Problems.Select(p => p.Field));
        Assert.Equal("Title", ex.ParamName);
        Assert.Contains("2 problems", ex.Message);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }

    [Fact]
    public void TryBuild_returns_problems_instead_of_throwing()
    {
        Assert.False(Bulletin.CreateBuilder().TryBuild(out var none, out var problems));
        Assert.Null(none);
        Assert.NotEmpty(problems);

        Assert.True(TestBulletins.ValidBuilder().TryBuild(out var bulletin, out problems));
        Assert.NotNull(bulletin);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("mtq")]
    [InlineData("en-US")]
    [InlineData("zh-Hant-TW")]
    public void Language_accepts_well_formed_tags(string tag)
        => Assert.Equal(tag, TestBulletins.ValidBuilder().WithLanguage(tag).Build().Language);

    [Fact]
    public void Title_must_be_a_single_line()
    {
        var problems = TestBulletins.ValidBuilder().WithTitle("Dòng 1\nDòng 2").Validate();
        Assert.Equal("Title", Assert.Single(problems).Field);
    }

    [Fact]
    public void Too_many_topics_and_attachments_are_reported_with_the_limit()
    {
        var builder = TestBulletins.ValidBuilder();
        builder.Topics.Clear();
        builder.Topics.AddRange(Enumerable.Range(0, BulletinLimits.MaxTopics + 1).Select(i => "topic-" + i));
        for (var i = 0; i < BulletinLimits.MaxAttachments; i++)
        {
            builder.Attachments.Add(new BulletinAttachment(new Uri("https://x.example/" + i + ".png"), "image/png", 10));
        }

        var problems = builder.Validate();
        Assert.Contains(problems, p => p.Field == "Topics" && p.Message.Contains("21") && p.Message.Contains("20"));
        Assert.Contains(problems, p => p.Field == "Attachments" && p.Message.Contains("21"));
    }

    [Fact]
    public void ToBuilder_round_trips_and_does_not_change_the_original()
    {
        var original = TestBulletins.ValidBuilder().WithPriority(BulletinPriority.Priority).WithTargetAreas("37").Build();
        var builder = original.ToBuilder();
        builder.Topics.Add("phong-chong-thien-tai");
        var changed = builder.WithTitle("Khác").Build();

        Assert.Equal(original.Id, changed.Id);
        Assert.Equal("Khác", changed.Title);
        Assert.Equal(3, changed.Topics.Count);
        Assert.Equal(2, original.Topics.Count);
        Assert.Equal(original.Body, changed.Body);
        Assert.Equal(original.TargetAreas, changed.TargetAreas);
        Assert.Equal(BulletinPriority.Priority, changed.Priority);
    }

    [Fact]
    public void Later_changes_to_the_builder_do_not_reach_a_built_bulletin()
    {
        var builder = TestBulletins.ValidBuilder();
        var bulletin = builder.Build();
        builder.Topics.Add("khac");
        builder.Attachments.Clear();

        Assert.Equal(2, bulletin.Topics.Count);
        Assert.Single(bulletin.Attachments);
    }

    [Fact]
    public void IsValidAt_honours_both_ends_of_the_window()
    {
        var from = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.FromHours(7));
        var bulletin = TestBulletins.ValidBuilder().WithValidity(from, from.AddDays(1)).Build();

        Assert.False(bulletin.IsValidAt(from.AddTicks(-1)));
        Assert.True(bulletin.IsValidAt(from));
        Assert.False(bulletin.IsValidAt(from.AddDays(1)));
    }

    [Fact]
    public void Priority_tiers_are_ordered_normal_priority_emergency()
    {
        Assert.True(BulletinPriority.Normal < BulletinPriority.Priority);
        Assert.True(BulletinPriority.Priority < BulletinPriority.Emergency);
        Assert.Equal(3, Enum.GetValues<BulletinPriority>().Length);
    }

    [Fact]
    public void Attachment_arguments_are_checked()
    {
        Assert.Equal("uri", Assert.Throws<ArgumentNullException>(() => new BulletinAttachment(null!, "image/png", 1)).ParamName);
        Assert.Equal("mediaType", Assert.Throws<ArgumentNullException>(() => new BulletinAttachment(new Uri("https://x.example"), null!, 1)).ParamName);
    }
}
