using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

public sealed class MqttPublicApiTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(MqttRadioClient).Assembly);
}
