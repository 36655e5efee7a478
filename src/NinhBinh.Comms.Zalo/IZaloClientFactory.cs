namespace NinhBinh.Comms.Zalo;

/// <summary>Hands out one client per Official Account of the app; every client shares the token store, the rate limit and the HTTP pipeline.</summary>
public interface IZaloClientFactory
{
    /// <summary>The OAuth client of the app.</summary>
    ZaloAuthorizationClient Authorization { get; }

    /// <summary>The token store the clients use.</summary>
    IZaloTokenStore TokenStore { get; }

    /// <summary>The client of one OA (the same instance for the same id).</summary>
    /// <param name="oaId">The OA id (1–64 letters, digits, '-' or '_').</param>
    /// <returns>The client.</returns>
    ZaloOfficialAccountClient GetClient(string oaId);
}
