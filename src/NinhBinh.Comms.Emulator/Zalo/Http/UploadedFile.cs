namespace NinhBinh.Comms.Emulator;

/// <summary>One file part of a multipart request.</summary>
internal sealed record UploadedFile(string FieldName, string FileName, string? ContentType, byte[] Content);
