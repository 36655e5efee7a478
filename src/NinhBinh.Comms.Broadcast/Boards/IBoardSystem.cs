using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// One board system: a Xibo CMS with its displays and display groups, or one Anthias player. A <em>target</em> is what
/// content is sent to — a Xibo display group id, or the Anthias device's id — and may hold several displays; every call
/// that sends content reports what became of each display.
/// </summary>
/// <remarks>
/// Rules every adapter keeps: an interrupt shows the content now, on top of or instead of the schedule, on every
/// online display of the target, and the normal schedule resumes by itself when its duration ends;
/// <see cref="RevertAsync"/> ends it early. Content that cannot be shown (a refused request, media that is not media)
/// throws <see cref="BoardException"/> naming what failed; an offline display is not an error but a
/// <see cref="BoardDisplayStatus.Offline"/> result. Nothing is reported as shown that the system did not accept.
/// </remarks>
public interface IBoardSystem
{
    /// <summary>The system's name, used in outcomes and proof of play (for example <c>xibo</c> or <c>anthias:hall-1</c>).</summary>
    string Name { get; }

    /// <summary>Lists the displays, all of them or those of one target.</summary>
    /// <param name="targetId">A target id, or <see langword="null"/> for every display.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The displays with their state.</returns>
    /// <exception cref="BoardException">The system refused or failed, or the target is unknown.</exception>
    Task<IReadOnlyList<BoardDisplay>> GetDisplaysAsync(string? targetId = null, CancellationToken cancellationToken = default);

    /// <summary>Shows <paramref name="content"/> now on every display of the target, for <paramref name="duration"/>; then the schedule resumes.</summary>
    /// <param name="targetId">The target.</param>
    /// <param name="content">What to show.</param>
    /// <param name="duration">How long the interrupt lasts (more than 0, at most a day).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was created and what became of each display.</returns>
    /// <exception cref="BoardException">The system refused or failed, or the target is unknown.</exception>
    Task<BoardPublication> InterruptAsync(string targetId, BoardContent content, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Ends any interrupt on the target: its displays return to their normal schedule.</summary>
    /// <param name="targetId">The target.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What became of each display.</returns>
    /// <exception cref="BoardException">The system refused or failed, or the target is unknown.</exception>
    Task<IReadOnlyList<BoardDisplayResult>> RevertAsync(string targetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="content"/> to the target's normal schedule, within the content's validity window
    /// (from now when it has no start; without end when it has none).
    /// </summary>
    /// <param name="targetId">The target.</param>
    /// <param name="content">What to show.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was created and what became of each display.</returns>
    /// <exception cref="BoardException">The system refused or failed, or the target is unknown.</exception>
    Task<BoardPublication> ScheduleAsync(string targetId, BoardContent content, CancellationToken cancellationToken = default);

    /// <summary>Removes what a <see cref="ScheduleAsync"/> or <see cref="InterruptAsync"/> created.</summary>
    /// <param name="publication">What was created.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when it is removed.</returns>
    /// <exception cref="BoardException">The system refused or failed.</exception>
    Task RemoveAsync(BoardPublication publication, CancellationToken cancellationToken = default);

    /// <summary>Takes a screenshot of a display.</summary>
    /// <param name="displayId">The display.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The screenshot.</returns>
    /// <exception cref="BoardException">The system refused or failed, or has no screenshot.</exception>
    /// <exception cref="NotSupportedException">The system has no screenshot API.</exception>
    Task<BoardScreenshot> GetScreenshotAsync(string displayId, CancellationToken cancellationToken = default);

    /// <summary>Proof of play: what was shown where and when between <paramref name="since"/> and <paramref name="until"/>.</summary>
    /// <param name="since">The start of the span.</param>
    /// <param name="until">The end of the span (after <paramref name="since"/>).</param>
    /// <param name="displayId">One display, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The records, oldest first.</returns>
    /// <exception cref="BoardException">The system refused or failed.</exception>
    Task<IReadOnlyList<BoardPlayRecord>> GetProofOfPlayAsync(DateTimeOffset since, DateTimeOffset until, string? displayId = null,
        CancellationToken cancellationToken = default);
}
