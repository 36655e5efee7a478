using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>Official accounts: seeding and the OA profile.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>GET /v2.0/oa/getoa.</summary>
    public void MapOfficialAccountRoutes(RouteMap map)
    {
        map(HttpMethods.Get, "/v2.0/oa/getoa", Surface.OpenApi, GetOa);
    }

    public void AddOfficialAccount(string oaId, string name, int oaType, string? appId)
    {
        lock (_gate)
        {
            if (_oas.TryGetValue(oaId, out var oa))
            {
                oa.Name = name;
                oa.OaType = oaType;
                oa.AppId = appId ?? oa.AppId;
            }
            else
            {
                oa = new OaRecord(oaId, name, oaType, appId);
                _oas[oaId] = oa;
                _oaOrder.Add(oa);
            }
        }
    }

    public Reply GetOa(ApiRequest request)
    {
        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            var government = oa.OaType == 4;
            return Json.Success(new JsonObject
            {
                ["oa_id"] = oa.OaId,
                ["name"] = oa.Name,
                ["description"] = oa.Name,
                ["oa_alias"] = oa.OaId,
                ["is_verified"] = true,
                ["oa_type"] = oa.OaType,
                ["cate_name"] = government ? "Cơ quan nhà nước" : "Doanh nghiệp",
                ["num_follower"] = oa.Users.Count(u => u.IsFollower),
                ["avatar"] = $"https://avatar.zalo-emulator.invalid/oa/{oa.OaId}.jpg",
                ["cover"] = $"https://cover.zalo-emulator.invalid/oa/{oa.OaId}.jpg",
                ["package_name"] = government ? "Gói Cơ quan nhà nước" : "Gói Nâng cao",
                ["package_valid_through_date"] = VietnamTime.FormatDate(now.AddYears(1)),
            });
        }
    }
}
