namespace NinhBinh.Comms.Emulator;

internal abstract record Fault;
