using System;
using System.Net.Http;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Which of Zalo's servers an endpoint lives on.</summary>
internal enum ZaloApiHost
{
    /// <summary>https://oauth.zaloapp.com</summary>
    OAuth = 0,

    /// <summary>https://openapi.zalo.me</summary>
    OpenApi = 1,

    /// <summary>https://business.openapi.zalo.me (ZNS / ZBS)</summary>
    Business = 2,
}

/// <summary>One Zalo endpoint with the safety of repeating it: the single place that decides which calls are at most once.</summary>
internal sealed class ZaloEndpoint
{
    private ZaloEndpoint(string name, ZaloApiHost host, HttpMethod method, string path, ZaloRequestSafety safety)
    {
        Name = name;
        Host = host;
        Method = method;
        Path = path;
        Safety = safety;
    }

    public string Name { get; }

    public ZaloApiHost Host { get; }

    public HttpMethod Method { get; }

    /// <summary>The path relative to the host's base address (no leading slash).</summary>
    public string Path { get; }

    public ZaloRequestSafety Safety { get; }

    // ---- at most once: paid or user-visible, or spending a single-use grant -----------------------------------
    public static ZaloEndpoint AccessToken { get; } = new("token grant", ZaloApiHost.OAuth, HttpMethod.Post, "v4/oa/access_token", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint SendConsultation { get; } = new("send consultation message", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/message/cs", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint SendTransaction { get; } = new("send transaction message", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/message/transaction", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint SendPromotion { get; } = new("send promotion message", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/message/promotion", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint SendTemplate { get; } = new("send template message", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/message/template", ZaloRequestSafety.AtMostOnce);

    /// <summary>v2 message send: broadcasts of articles to targeted followers.</summary>
    public static ZaloEndpoint Broadcast { get; } = new("broadcast", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/message", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint UploadImage { get; } = new("upload image", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/upload/image", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint UploadGif { get; } = new("upload gif", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/upload/gif", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint UploadFile { get; } = new("upload file", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/upload/file", ZaloRequestSafety.AtMostOnce);

    public static ZaloEndpoint CreateArticle { get; } = new("create article", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/article/create", ZaloRequestSafety.AtMostOnce);

    /// <summary>ZNS / ZBS template message by phone number (business API): paid per message.</summary>
    public static ZaloEndpoint SendZnsTemplate { get; } = new("send ZNS template message", ZaloApiHost.Business, HttpMethod.Post, "message/template", ZaloRequestSafety.AtMostOnce);

    // ---- repeatable: reads and idempotent writes --------------------------------------------------------------
    public static ZaloEndpoint ListFollowers { get; } = new("list followers", ZaloApiHost.OpenApi, HttpMethod.Get, "v3.0/oa/user/getlist", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint GetUser { get; } = new("get user", ZaloApiHost.OpenApi, HttpMethod.Get, "v3.0/oa/user/detail", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint UpdateUser { get; } = new("update user", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/user/update", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint TagFollower { get; } = new("tag follower", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/tag/tagfollower", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint UntagFollower { get; } = new("untag follower", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/tag/rmfollowerfromtag", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint RemoveTag { get; } = new("remove tag", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/tag/rmtag", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint ListTags { get; } = new("list tags", ZaloApiHost.OpenApi, HttpMethod.Get, "v2.0/oa/tag/gettagsofoa", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint UserQuota { get; } = new("get user quota", ZaloApiHost.OpenApi, HttpMethod.Post, "v3.0/oa/quota/message", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint Quota { get; } = new("get quota", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/oa/quota/message", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint OfficialAccountInfo { get; } = new("get OA info", ZaloApiHost.OpenApi, HttpMethod.Get, "v2.0/oa/getoa", ZaloRequestSafety.Repeatable);

    /// <summary>ZNS / ZBS template description: status and parameters (business API).</summary>
    public static ZaloEndpoint ZnsTemplateInfo { get; } = new("get ZNS template info", ZaloApiHost.Business, HttpMethod.Get, "template/info/v2", ZaloRequestSafety.Repeatable);

    /// <summary>ZNS / ZBS message delivery status (business API).</summary>
    public static ZaloEndpoint ZnsMessageStatus { get; } = new("get ZNS message status", ZaloApiHost.Business, HttpMethod.Get, "message/status", ZaloRequestSafety.Repeatable);

    /// <summary>ZNS / ZBS daily quota of the OA (business API).</summary>
    public static ZaloEndpoint ZnsQuota { get; } = new("get ZNS quota", ZaloApiHost.Business, HttpMethod.Get, "message/quota", ZaloRequestSafety.Repeatable);
    /// <summary>Asks whether an article is published yet: a read.</summary>
    public static ZaloEndpoint VerifyArticle { get; } = new("verify article", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/article/verify", ZaloRequestSafety.Repeatable);

    /// <summary>
    /// Replaces an article's whole content (the SDK always sends all of it, never a patch): sending the same update
    /// twice leaves the article as one update would, so it is repeatable.
    /// </summary>
    public static ZaloEndpoint UpdateArticle { get; } = new("update article", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/article/update", ZaloRequestSafety.Repeatable);

    /// <summary>Removes an article: removing it again leaves it removed, so it is repeatable (a repeat may answer that it no longer exists).</summary>
    public static ZaloEndpoint RemoveArticle { get; } = new("remove article", ZaloApiHost.OpenApi, HttpMethod.Post, "v2.0/article/remove", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint ListArticles { get; } = new("list articles", ZaloApiHost.OpenApi, HttpMethod.Get, "v2.0/article/getslice", ZaloRequestSafety.Repeatable);

    public static ZaloEndpoint GetArticle { get; } = new("get article", ZaloApiHost.OpenApi, HttpMethod.Get, "v2.0/article/getdetail", ZaloRequestSafety.Repeatable);

    /// <summary>Every endpoint the SDK knows, for tests that check each one's safety.</summary>
    public static ZaloEndpoint[] All { get; } =
    [
        AccessToken, SendConsultation, SendTransaction, SendPromotion, SendTemplate, Broadcast, UploadImage, UploadGif, UploadFile,
        CreateArticle, SendZnsTemplate, ListFollowers, GetUser, UpdateUser, TagFollower, UntagFollower, RemoveTag, ListTags,
        UserQuota, Quota, OfficialAccountInfo,
        ZnsTemplateInfo, ZnsMessageStatus, ZnsQuota,
        VerifyArticle, UpdateArticle, RemoveArticle, ListArticles, GetArticle,
    ];

    /// <summary>The message endpoint of a message kind.</summary>
    public static ZaloEndpoint ForMessageKind(string kind) => kind switch
    {
        "cs" => SendConsultation,
        "transaction" => SendTransaction,
        "promotion" => SendPromotion,
        "template" => SendTemplate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown Zalo message kind."),
    };

    public override string ToString() => Method.Method + " " + Path;
}
