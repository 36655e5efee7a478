namespace NinhBinh.Comms.Emulator;

internal sealed record ErrorFault(int ErrorCode) : Fault;
