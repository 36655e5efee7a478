using System;
using System.Globalization;

namespace NinhBinh.Comms;

/// <summary>
/// How many recipients of one bulletin a channel reached, for channels that deliver to many recipients (followers,
/// speakers, boards): the counts of a <see cref="DeliveryOutcome"/> and of the progress a <see cref="IFanOutChannel"/>
/// reports. Every count is zero or more; <see cref="Total"/> is their sum.
/// </summary>
public readonly struct DeliveryCounts : IEquatable<DeliveryCounts>
{
    /// <summary>Creates counts.</summary>
    /// <param name="sent">Recipients the service accepted the bulletin for, in this delivery.</param>
    /// <param name="failed">Recipients the service refused or that failed; a later delivery may try them again.</param>
    /// <param name="skipped">Recipients not tried in this delivery: reached by an earlier delivery of the same
    /// bulletin, listed twice, or beyond what the service can list (the outcome's reason says which).</param>
    /// <param name="unknown">Recipients whose send may or may not have reached the service (a timeout after the
    /// request was written); not sent again automatically, so nobody gets the bulletin twice.</param>
    /// <param name="pending">Recipients not tried yet (in progress reports, or when a delivery was cut off).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative; the message names it.</exception>
    public DeliveryCounts(int sent, int failed, int skipped = 0, int unknown = 0, int pending = 0)
    {
        Sent = NotNegative(sent, nameof(sent));
        Failed = NotNegative(failed, nameof(failed));
        Skipped = NotNegative(skipped, nameof(skipped));
        Unknown = NotNegative(unknown, nameof(unknown));
        Pending = NotNegative(pending, nameof(pending));
    }

    /// <summary>Recipients the service accepted the bulletin for, in this delivery.</summary>
    public int Sent { get; }

    /// <summary>Recipients the service refused or that failed; a later delivery may try them again.</summary>
    public int Failed { get; }

    /// <summary>Recipients not tried in this delivery (already reached earlier, listed twice, or not listable).</summary>
    public int Skipped { get; }

    /// <summary>Recipients whose send may have reached the service; not sent again automatically.</summary>
    public int Unknown { get; }

    /// <summary>Recipients not tried yet.</summary>
    public int Pending { get; }

    /// <summary>Every recipient counted: <see cref="Sent"/> + <see cref="Failed"/> + <see cref="Skipped"/> + <see cref="Unknown"/> + <see cref="Pending"/>.</summary>
    public int Total => Sent + Failed + Skipped + Unknown + Pending;

    /// <summary>Whether two counts are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public static bool operator ==(DeliveryCounts left, DeliveryCounts right) => left.Equals(right);

    /// <summary>Whether two counts differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(DeliveryCounts left, DeliveryCounts right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DeliveryCounts other)
        => Sent == other.Sent && Failed == other.Failed && Skipped == other.Skipped && Unknown == other.Unknown && Pending == other.Pending;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeliveryCounts other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = Sent;
            hash = (hash * 397) ^ Failed;
            hash = (hash * 397) ^ Skipped;
            hash = (hash * 397) ^ Unknown;
            return (hash * 397) ^ Pending;
        }
    }

    /// <summary>For example <c>sent 98, failed 1, skipped 0, unknown 1 of 100</c> (pending only when not zero).</summary>
    /// <returns>The counts in words.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        Pending == 0 ? "sent {0}, failed {1}, skipped {2}, unknown {3} of {5}" : "sent {0}, failed {1}, skipped {2}, unknown {3}, pending {4} of {5}",
        Sent, Failed, Skipped, Unknown, Pending, Total);

    private static int NotNegative(int value, string name)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or more.");
}
