using System.Net.Http;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Creates the endpoint implementations for an <see cref="HttpClient"/> whose BaseAddress is set.</summary>
internal static class ZaloApiFactory
{
#if NET
    public static IZaloOAuthApi CreateOAuth(HttpClient http) => new DirectZaloOAuthApi(http);

    public static IZaloOpenApi CreateOpenApi(HttpClient http) => new RefitZaloOpenApi(http);

    public static IZaloBusinessApi CreateBusiness(HttpClient http) => new RefitZaloBusinessApi(http);
#else
    public static IZaloOAuthApi CreateOAuth(HttpClient http) => new ManualZaloOAuthApi(http);

    public static IZaloOpenApi CreateOpenApi(HttpClient http) => new ManualZaloOpenApi(http);

    public static IZaloBusinessApi CreateBusiness(HttpClient http) => new ManualZaloBusinessApi(http);
#endif
}
