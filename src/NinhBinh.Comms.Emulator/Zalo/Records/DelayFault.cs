using System;

namespace NinhBinh.Comms.Emulator;

internal sealed record DelayFault(TimeSpan Delay) : Fault;
