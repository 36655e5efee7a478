using System.Net.Http;
#if NET
using Refit;
#endif

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Creates the endpoint implementations for an <see cref="HttpClient"/> whose BaseAddress is set.</summary>
internal static class ZaloApiFactory
{
#if NET
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(ZaloJsonContext.Default.Options));

    public static IZaloOAuthApi CreateOAuth(HttpClient http) => RestService.ForGenerated<IZaloOAuthApi>(http, Settings);

    public static IZaloOpenApi CreateOpenApi(HttpClient http) => RestService.ForGenerated<IZaloOpenApi>(http, Settings);
#else
    public static IZaloOAuthApi CreateOAuth(HttpClient http) => new ManualZaloOAuthApi(http);

    public static IZaloOpenApi CreateOpenApi(HttpClient http) => new ManualZaloOpenApi(http);
#endif
}
