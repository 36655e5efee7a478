using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>Tags of an OA and its followers.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>POST /v2.0/oa/tag/{tagfollower,rmfollowerfromtag,rmtag}, GET /v2.0/oa/tag/gettagsofoa.</summary>
    public void MapTagRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/v2.0/oa/tag/tagfollower", Surface.OpenApi, r => TagFollower(r, add: true));
        map(HttpMethods.Post, "/v2.0/oa/tag/rmfollowerfromtag", Surface.OpenApi, r => TagFollower(r, add: false));
        map(HttpMethods.Post, "/v2.0/oa/tag/rmtag", Surface.OpenApi, RemoveTag);
        map(HttpMethods.Get, "/v2.0/oa/tag/gettagsofoa", Surface.OpenApi, GetTags);
    }

    public Reply TagFollower(ApiRequest request, bool add)
    {
        var body = Json.ParseObject(request.Body);
        var userId = Json.String(body?["user_id"]);
        var tag = Json.String(body?["tag_name"]);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(tag))
        {
            return Json.Error(-201, "user_id and tag_name are required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.UsersById.TryGetValue(userId, out var user))
            {
                return Json.Error(-201, "user not found");
            }

            if (add)
            {
                oa.AddTag(tag);
                if (!user.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    user.Tags.Add(tag);
                }
            }
            else
            {
                user.Tags.Remove(tag);
            }

            return Json.Success(null);
        }
    }

    public Reply RemoveTag(ApiRequest request)
    {
        var tag = Json.String(Json.ParseObject(request.Body)?["tag_name"]);
        if (string.IsNullOrEmpty(tag))
        {
            return Json.Error(-201, "tag_name is required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.Tags.Remove(tag))
            {
                return Json.Error(-201, "tag not found");
            }

            foreach (var user in oa.Users)
            {
                user.Tags.Remove(tag);
            }

            return Json.Success(null);
        }
    }

    public Reply GetTags(ApiRequest request)
    {
        lock (_gate)
        {
            return Json.Success(Json.Strings(RequireOa(request.Grant!.OaId).Tags));
        }
    }
}
