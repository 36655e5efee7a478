using System;
using System.Runtime.CompilerServices;

namespace NinhBinh.Comms.Internal;

/// <summary>Argument checks that behave the same on every target framework.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static string NotNullOrWhiteSpace(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }

        return value;
    }

    public static TimeSpan Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be greater than zero.");
}
