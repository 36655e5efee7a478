using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>One thing wrong with a value, named by the field (or path, such as <c>Attachments[1].Uri</c>) it concerns.</summary>
public sealed class ValidationProblem : IEquatable<ValidationProblem>
{
    /// <summary>Creates a problem report.</summary>
    /// <param name="field">The field or path that is wrong.</param>
    /// <param name="message">What is wrong, including the limit where there is one.</param>
    public ValidationProblem(string field, string message)
    {
        Field = Guard.NotNullOrWhiteSpace(field);
        Message = Guard.NotNullOrWhiteSpace(message);
    }

    /// <summary>The field or path that is wrong, for example <c>Title</c> or <c>Topics[2]</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, including the limit where there is one.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(ValidationProblem? other)
        => other is not null && string.Equals(Field, other.Field, StringComparison.Ordinal)
            && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationProblem);

    /// <inheritdoc />
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Field) * 397) ^ StringComparer.Ordinal.GetHashCode(Message);

    /// <inheritdoc />
    public override string ToString() => Field + ": " + Message;
}
