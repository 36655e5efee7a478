namespace NinhBinh.Comms.Metrics;

/// <summary>A content line (chủ đề, dòng nội dung) of the province's communication, e.g. <c>chuyen-doi-so</c>.</summary>
/// <param name="Key">The key content items name (lowercase letters, digits and dashes).</param>
/// <param name="Name">Its name, in Vietnamese.</param>
public sealed record KpiTopic(string Key, string Name);
