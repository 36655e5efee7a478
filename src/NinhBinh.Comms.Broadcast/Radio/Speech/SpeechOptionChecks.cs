using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Option checks with messages that name the option and its range (never a secret's value).</summary>
internal static class SpeechOptionChecks
{
    public static void BaseUrl(Uri? url, string name)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{name}: is not an absolute http or https URL.", name);
        }
    }

    public static void Secret(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name}: is required.", name);
        }
    }

    public static void Range(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0}: {1} is not between {2} and {3}.", name, value, min, max), name);
        }
    }

    public static void Range(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0}: {1} is not between {2} and {3}.", name, value, min, max), name);
        }
    }

    public static string Text(string? text, int maxLength, string provider, int minLength = 1)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var normalized = text.Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (!SpeechChunker.HasSpeakableCharacter(normalized))
        {
            throw new ArgumentException("text: is empty or only whitespace and punctuation; there is nothing to speak.", nameof(text));
        }

        if (normalized.Length > maxLength)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "text: {0} characters is over {1}'s limit of {2} per request; use a SpeechSynthesizer, which splits long texts.", normalized.Length, provider, maxLength),
                nameof(text));
        }

        if (normalized.Length < minLength)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "text: {0} characters is under {1}'s minimum of {2} per request.", normalized.Length, provider, minLength),
                nameof(text));
        }

        return normalized;
    }

    public static Uri Endpoint(Uri baseUrl, string path)
    {
        var root = baseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, path);
    }
}
