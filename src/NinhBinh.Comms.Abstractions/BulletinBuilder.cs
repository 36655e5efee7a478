using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NinhBinh.Comms;

/// <summary>
/// Collects the fields of a <see cref="Bulletin"/> and checks them. <see cref="Validate"/> reports every problem at
/// once; <see cref="Build"/> throws <see cref="BulletinValidationException"/> unless there are none.
/// </summary>
/// <example>
/// <code>
/// var bulletin = Bulletin.CreateBuilder()
///     .WithTitle("Thông báo lịch tiêm chủng")
///     .WithBody("…")
///     .WithIssuingAgency("UBND xã Gia Viễn")
///     .WithTopics("y-te")
///     .Build();
/// </code>
/// </example>
public sealed class BulletinBuilder
{
    private static readonly Regex IdPattern = new("^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LanguagePattern = new("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);
    private static readonly Regex MediaTypePattern = new(
        "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$", RegexOptions.CultureInvariant);
    private static readonly Regex AreaCodePattern = new("^([0-9]{2}|[0-9]{3}|[0-9]{5})$", RegexOptions.CultureInvariant);

    /// <summary>The identifier; generated when left <see langword="null"/>. Letters, digits and <c>. _ : -</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The headline (required).</summary>
    public string? Title { get; set; }

    /// <summary>A short summary (optional).</summary>
    public string? Summary { get; set; }

    /// <summary>The full text (required).</summary>
    public string? Body { get; set; }

    /// <summary>Attachments to go with the bulletin.</summary>
    public List<BulletinAttachment> Attachments { get; } = new();

    /// <summary>The BCP 47 language tag; <see cref="BulletinLanguages.Vietnamese"/> by default.</summary>
    public string? Language { get; set; } = BulletinLanguages.Vietnamese;

    /// <summary>Content lines (topics).</summary>
    public List<string> Topics { get; } = new();

    /// <summary>The campaign identifier (optional).</summary>
    public string? CampaignId { get; set; }

    /// <summary>The issuing agency (required).</summary>
    public string? IssuingAgency { get; set; }

    /// <summary>Start of the validity window (optional).</summary>
    public DateTimeOffset? ValidFrom { get; set; }

    /// <summary>End of the validity window (optional; must be after <see cref="ValidFrom"/>).</summary>
    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>The priority tier; <see cref="BulletinPriority.Normal"/> by default.</summary>
    public BulletinPriority Priority { get; set; } = BulletinPriority.Normal;

    /// <summary>Administrative unit codes the bulletin is meant for.</summary>
    public List<string> TargetAreas { get; } = new();

    /// <summary>Sets <see cref="Id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithId(string? id)
    {
        Id = id;
        return this;
    }

    /// <summary>Sets <see cref="Title"/>.</summary>
    /// <param name="title">The headline.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithTitle(string? title)
    {
        Title = title;
        return this;
    }

    /// <summary>Sets <see cref="Summary"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithSummary(string? summary)
    {
        Summary = summary;
        return this;
    }

    /// <summary>Sets <see cref="Body"/>.</summary>
    /// <param name="body">The full text.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithBody(string? body)
    {
        Body = body;
        return this;
    }

    /// <summary>Adds an attachment.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithAttachment(BulletinAttachment attachment)
    {
        Attachments.Add(attachment);
        return this;
    }

    /// <summary>Sets <see cref="Language"/>.</summary>
    /// <param name="language">A BCP 47 tag such as <c>vi</c> or <c>mtq</c>.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithLanguage(string? language)
    {
        Language = language;
        return this;
    }

    /// <summary>Adds content lines (topics).</summary>
    /// <param name="topics">The topics to add.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithTopics(params string[] topics)
    {
        if (topics is not null)
        {
            Topics.AddRange(topics);
        }

        return this;
    }

    /// <summary>Sets <see cref="CampaignId"/>.</summary>
    /// <param name="campaignId">The campaign identifier.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithCampaign(string? campaignId)
    {
        CampaignId = campaignId;
        return this;
    }

    /// <summary>Sets <see cref="IssuingAgency"/>.</summary>
    /// <param name="agency">The issuing agency.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithIssuingAgency(string? agency)
    {
        IssuingAgency = agency;
        return this;
    }

    /// <summary>Sets the validity window.</summary>
    /// <param name="validFrom">Start, or <see langword="null"/> for at once.</param>
    /// <param name="validUntil">End, or <see langword="null"/> for never.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithValidity(DateTimeOffset? validFrom, DateTimeOffset? validUntil)
    {
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        return this;
    }

    /// <summary>Sets <see cref="Priority"/>.</summary>
    /// <param name="priority">The priority tier.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithPriority(BulletinPriority priority)
    {
        Priority = priority;
        return this;
    }

    /// <summary>Adds target administrative unit codes.</summary>
    /// <param name="codes">Province (2-digit) or commune (5-digit) codes.</param>
    /// <returns>This builder.</returns>
    public BulletinBuilder WithTargetAreas(params string[] codes)
    {
        if (codes is not null)
        {
            TargetAreas.AddRange(codes);
        }

        return this;
    }

    /// <summary>Checks every field and returns every problem found; empty when the bulletin can be built.</summary>
    /// <returns>The problems, each naming its field and the limit broken.</returns>
    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new List<ValidationProblem>();

        if (Id is not null)
        {
            if (Id.Length == 0 || Id.Length > BulletinLimits.MaxIdLength || !IdPattern.IsMatch(Id))
            {
                problems.Add(new(nameof(Id), $"must be 1–{BulletinLimits.MaxIdLength} characters of letters, digits and . _ : - (or null to generate one)."));
            }
        }

        CheckText(problems, nameof(Title), Title, required: true, BulletinLimits.MaxTitleLength, singleLine: true);
        CheckText(problems, nameof(Summary), Summary, required: false, BulletinLimits.MaxSummaryLength, singleLine: false);
        CheckText(problems, nameof(Body), Body, required: true, BulletinLimits.MaxBodyLength, singleLine: false);
        CheckAttachments(problems);

        if (string.IsNullOrWhiteSpace(Language))
        {
            problems.Add(new(nameof(Language), "is required (a BCP 47 tag such as 'vi')."));
        }
        else if (!LanguagePattern.IsMatch(Language))
        {
            problems.Add(new(nameof(Language), $"'{Language}' is not a well-formed BCP 47 language tag (for example 'vi', 'mtq', 'en-US')."));
        }

        CheckTopics(problems);

        if (CampaignId is not null)
        {
            CheckText(problems, nameof(CampaignId), CampaignId, required: true, BulletinLimits.MaxCampaignIdLength, singleLine: true);
        }

        CheckText(problems, nameof(IssuingAgency), IssuingAgency, required: true, BulletinLimits.MaxIssuingAgencyLength, singleLine: true);

        if (ValidFrom is not null && ValidUntil is not null && ValidUntil.Value <= ValidFrom.Value)
        {
            problems.Add(new(nameof(ValidUntil), $"must be after ValidFrom ({ValidFrom.Value.ToString("O", CultureInfo.InvariantCulture)})."));
        }

        if (Priority is not (BulletinPriority.Normal or BulletinPriority.Priority or BulletinPriority.Emergency))
        {
            problems.Add(new(nameof(Priority), $"{(int)Priority} is not a defined priority tier (Normal, Priority or Emergency)."));
        }

        CheckTargetAreas(problems);
        return problems;
    }

    /// <summary>Builds the bulletin, or throws when any field is invalid.</summary>
    /// <returns>The immutable, valid bulletin.</returns>
    /// <exception cref="BulletinValidationException">One or more fields are invalid; every problem is listed.</exception>
    public Bulletin Build()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new BulletinValidationException(problems);
        }

        return new Bulletin(this, Id ?? Guid.NewGuid().ToString("N"));
    }

    /// <summary>Builds the bulletin if every field is valid.</summary>
    /// <param name="bulletin">The bulletin, or <see langword="null"/> when there are problems.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the bulletin was built.</returns>
    public bool TryBuild(out Bulletin? bulletin, out IReadOnlyList<ValidationProblem> problems)
    {
        problems = Validate();
        bulletin = problems.Count == 0 ? new Bulletin(this, Id ?? Guid.NewGuid().ToString("N")) : null;
        return bulletin is not null;
    }

    private static void CheckText(List<ValidationProblem> problems, string field, string? value, bool required, int maxLength, bool singleLine)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new(field, "is required and must not be empty."));
            }

            return;
        }

        if (value!.Length > maxLength)
        {
            problems.Add(new(field, $"is {value.Length} characters long; the limit is {maxLength}."));
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && (singleLine || (c != '\n' && c != '\r' && c != '\t')))
            {
                problems.Add(new(field, singleLine
                    ? "must be a single line without control characters."
                    : $"contains the control character U+{(int)c:X4}."));
                break;
            }
        }
    }

    private void CheckAttachments(List<ValidationProblem> problems)
    {
        if (Attachments.Count > BulletinLimits.MaxAttachments)
        {
            problems.Add(new(nameof(Attachments), $"has {Attachments.Count} items; the limit is {BulletinLimits.MaxAttachments}."));
        }

        for (var i = 0; i < Attachments.Count; i++)
        {
            var a = Attachments[i];
            var prefix = $"{nameof(Attachments)}[{i}]";
            if (a is null)
            {
                problems.Add(new(prefix, "must not be null."));
                continue;
            }

            if (!a.Uri.IsAbsoluteUri || (a.Uri.Scheme != "http" && a.Uri.Scheme != "https"))
            {
                problems.Add(new(prefix + ".Uri", $"'{a.Uri.OriginalString}' must be an absolute http or https URI."));
            }

            if (!MediaTypePattern.IsMatch(a.MediaType))
            {
                problems.Add(new(prefix + ".MediaType", $"'{a.MediaType}' is not a MIME type of the form type/subtype."));
            }

            if (a.SizeBytes <= 0 || a.SizeBytes > BulletinLimits.MaxAttachmentSizeBytes)
            {
                problems.Add(new(prefix + ".SizeBytes", $"is {a.SizeBytes}; it must be between 1 and {BulletinLimits.MaxAttachmentSizeBytes} bytes."));
            }

            if (a.Duration is { } d && d <= TimeSpan.Zero)
            {
                problems.Add(new(prefix + ".Duration", $"is {d}; it must be greater than zero when given."));
            }
        }
    }

    private void CheckTopics(List<ValidationProblem> problems)
    {
        if (Topics.Count > BulletinLimits.MaxTopics)
        {
            problems.Add(new(nameof(Topics), $"has {Topics.Count} items; the limit is {BulletinLimits.MaxTopics}."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Topics.Count; i++)
        {
            var field = $"{nameof(Topics)}[{i}]";
            var topic = Topics[i];
            var before = problems.Count;
            CheckText(problems, field, topic, required: true, BulletinLimits.MaxTopicLength, singleLine: true);
            if (problems.Count == before && !seen.Add(topic.Trim()))
            {
                problems.Add(new(field, $"'{topic}' is listed twice."));
            }
        }
    }

    private void CheckTargetAreas(List<ValidationProblem> problems)
    {
        if (TargetAreas.Count > BulletinLimits.MaxTargetAreas)
        {
            problems.Add(new(nameof(TargetAreas), $"has {TargetAreas.Count} items; the limit is {BulletinLimits.MaxTargetAreas}."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < TargetAreas.Count; i++)
        {
            var field = $"{nameof(TargetAreas)}[{i}]";
            var code = TargetAreas[i]?.Trim();
            if (code is null || !AreaCodePattern.IsMatch(code))
            {
                problems.Add(new(field, $"'{TargetAreas[i]}' is not an administrative unit code (2 digits for a province, 5 for a commune)."));
            }
            else if (!seen.Add(code))
            {
                problems.Add(new(field, $"'{code}' is listed twice."));
            }
        }
    }
}
