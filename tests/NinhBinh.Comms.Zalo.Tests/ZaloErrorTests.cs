using System.Linq;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloErrorTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(ZaloException).Assembly);

    [Theory]
    [InlineData(-216, ZaloErrorKind.ReauthorizationRequired)]
    [InlineData(-220, ZaloErrorKind.ReauthorizationRequired)]
    [InlineData(-124, ZaloErrorKind.ReauthorizationRequired)]
    [InlineData(-14014, ZaloErrorKind.ReauthorizationRequired)]
    [InlineData(-32, ZaloErrorKind.RateLimited)]
    [InlineData(-230, ZaloErrorKind.OutsideInteractionWindow)]
    [InlineData(-232, ZaloErrorKind.OutsideInteractionWindow)]
    [InlineData(-211, ZaloErrorKind.QuotaExhausted)]
    [InlineData(-218, ZaloErrorKind.QuotaExhausted)]
    [InlineData(-201, ZaloErrorKind.InvalidRequest)]
    [InlineData(-210, ZaloErrorKind.InvalidRequest)]
    [InlineData(-213, ZaloErrorKind.NotFollower)]
    [InlineData(-234, ZaloErrorKind.NightBan)]
    [InlineData(-242, ZaloErrorKind.Configuration)]
    [InlineData(-204, ZaloErrorKind.Other)]
    [InlineData(-99999, ZaloErrorKind.Other)]
    public void Codes_map_to_the_kind_a_caller_acts_on(int code, ZaloErrorKind kind)
    {
        Assert.Equal(kind, ZaloErrorCodes.GetKind(code));
        Assert.Equal(kind, ZaloException.FromCode(code, "x", "oa").Kind);
    }

    [Fact]
    public void Exception_carries_code_meaning_and_transience()
    {
        var ex = new ZaloException(-32, "Zalo answered -32");

        Assert.Equal(-32, ex.ZaloCode);
        Assert.Equal("-32", ex.ErrorCode);
        Assert.Equal("zalo", ex.Channel);
        Assert.True(ex.IsTransient);
        Assert.Contains("rate limit", ex.Meaning);
        Assert.False(ZaloException.FromCode(-230, "x").IsTransient);
        Assert.IsType<ZaloInteractionWindowException>(ZaloException.FromCode(-230, "x"));
        Assert.Equal("oa-1", Assert.IsType<ZaloReauthorizationRequiredException>(ZaloException.FromCode(-216, "x", "oa-1")).OaId);
        Assert.Null(new ZaloException("no code").ErrorCode);
        Assert.Equal("unknown Zalo error -1", ZaloErrorCodes.Describe(-1));
    }

    [Fact]
    public void Every_documented_OA_code_is_known()
    {
        int[] documented = { -32, -100, -200, -201, -204, -205, -209, -210, -211, -212, -213, -214, -216, -217, -218, -219, -220, -221, -223, -224, -227, -230, -232, -233, -234, -235, -240, -242, -244, -248, -249, -320, -321 };
        Assert.Empty(documented.Except(ZaloErrorCodes.KnownCodes));
    }
}
