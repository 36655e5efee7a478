using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Emulator.Tests;

public class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(ZaloEmulator).Assembly);
}
