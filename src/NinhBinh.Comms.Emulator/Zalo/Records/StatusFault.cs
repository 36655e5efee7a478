using System;

namespace NinhBinh.Comms.Emulator;

internal sealed record StatusFault(int HttpStatus, TimeSpan? RetryAfter) : Fault;
