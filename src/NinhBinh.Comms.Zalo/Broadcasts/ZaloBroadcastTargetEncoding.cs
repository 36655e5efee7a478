namespace NinhBinh.Comms.Zalo;

/// <summary>
/// How the fields of a broadcast's <c>recipient.target</c> are written on the wire. Sources disagree (see the
/// broadcast article); <see cref="CommaSeparatedStrings"/>, the majority, is the default. Set it with
/// <see cref="ZaloClientOptions.BroadcastTargetEncoding"/> (configuration <c>Zalo:BroadcastTargetEncoding</c>).
/// </summary>
public enum ZaloBroadcastTargetEncoding
{
    /// <summary>Every field a string of comma-separated codes: <c>{"ages":"2,3","gender":"0","cities":"37"}</c> (default).</summary>
    CommaSeparatedStrings = 0,

    /// <summary>Every field a JSON array of numbers: <c>{"ages":[2,3],"gender":[0],"cities":[37]}</c>.</summary>
    IntegerArrays = 1,

    /// <summary>Every field one JSON number: <c>{"ages":2,"gender":0,"cities":37}</c>; a field can then carry only one value.</summary>
    Integers = 2,
}
