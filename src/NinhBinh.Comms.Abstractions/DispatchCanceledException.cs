using System;
using System.Threading;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// Thrown by <see cref="BulletinDispatcher.DispatchAsync"/> when the caller cancels. <see cref="PartialResult"/> keeps
/// the outcome of every channel: those that finished before the cancellation keep their real outcome (an emergency
/// bulletin may already be on air), the rest are <see cref="DeliveryStatus.Canceled"/>.
/// </summary>
public sealed class DispatchCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="partialResult">The outcome of every channel at the time of cancellation.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public DispatchCanceledException(DispatchResult partialResult, CancellationToken cancellationToken)
        : base(BuildMessage(partialResult), cancellationToken)
    {
        PartialResult = partialResult;
    }

    /// <summary>The outcome of every channel at the time of cancellation.</summary>
    public DispatchResult PartialResult { get; }

    private static string BuildMessage(DispatchResult result)
    {
        Guard.NotNull(result);
        return $"The dispatch of bulletin '{result.Bulletin.Id}' was cancelled; "
            + $"{result.Outcomes.Count - result.Count(DeliveryStatus.Canceled)} of {result.Outcomes.Count} channels had finished.";
    }
}
