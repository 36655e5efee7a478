using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Where OA token pairs live. Refresh tokens are single use, so every process of an app must share one store and
/// refresh under its lock: <see cref="LockAsync"/> is held while a refresh runs and the new pair is saved.
/// </summary>
public interface IZaloTokenStore
{
    /// <summary>Reads an OA's token pair.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pair, or <see langword="null"/> when the OA has none (not authorized yet).</returns>
    Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default);

    /// <summary>Stores an OA's token pair, replacing the previous one atomically.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="tokens">The pair.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the pair is durably stored.</returns>
    /// <remarks>
    /// Throw when the pair is not stored; never report success for a pair that is not durable. The SDK keeps the pair
    /// in use, retries the save with backoff, and then reports <see cref="ZaloTokenPersistenceException"/>; a save of
    /// the same pair may therefore come more than once and must simply replace the stored pair again.
    /// </remarks>
    Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the OA's exclusive refresh lock: held by one caller at a time across every user of the store (threads,
    /// and for a shared store, processes). Dispose the result to release it.
    /// </summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock.</returns>
    Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default);
}
