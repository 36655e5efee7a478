namespace NinhBinh.Comms;

/// <summary>What a <see cref="IDeliveryJournal"/> knows about one recipient of one bulletin on one channel.</summary>
public enum DeliveryJournalState
{
    /// <summary>The service accepted the bulletin for this recipient: never send it to them again.</summary>
    Delivered = 0,

    /// <summary>
    /// The send may have reached the service (a timeout after the request was written): not sent again
    /// automatically, so nobody gets the bulletin twice; an operator decides.
    /// </summary>
    OutcomeUnknown = 1,
}
