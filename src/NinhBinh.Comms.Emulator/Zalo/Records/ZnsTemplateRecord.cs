using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

/// <summary>A ZNS template registered by a test: its parameters and status (ENABLE, PENDING_REVIEW, REJECT, DISABLE).</summary>
internal sealed record ZnsTemplateRecord(string OaId, string TemplateId, string Name, string Status, IReadOnlyList<EmulatedZnsParameter> Parameters);
