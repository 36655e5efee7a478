using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>
/// Settings of the webhook endpoint, bound from <c>Zalo:Webhook</c>: <c>SecretSource</c>, <c>ReplayWindow</c>,
/// <c>MaxBodyBytes</c>, <c>QueueCapacity</c>, <c>MaxConcurrency</c>, <c>RetryDelays</c>. The app id and the secret come
/// from <c>Zalo:AppId</c> and <c>Zalo:OaSecretKey</c> (or <c>Zalo:AppSecret</c>).
/// </summary>
public sealed class ZaloWebhookEndpointOptions
{
    /// <summary>Verification: app id, secret, replay window, body limit.</summary>
    public ZaloWebhookOptions Verification { get; set; } = new();

    /// <summary>Events waiting for their handlers at most; when full, deliveries are answered 503 so Zalo retries later. Default 1,024.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Events handled at the same time; default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The waits before each retry of a failed handler; default 1 s, 10 s, 1 min, 5 min. After the last one the
    /// failure is logged as an error (the delivery was already acknowledged, so Zalo does not send it again).
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; set; } = new List<TimeSpan> { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5) };

    /// <summary>Checks the settings and returns every problem, each naming its setting.</summary>
    /// <returns>The problems; empty when usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Verification is null)
        {
            problems.Add("Zalo:Webhook: Verification must not be null.");
        }
        else
        {
            problems.AddRange(Verification.Validate());
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add("Zalo:Webhook:QueueCapacity must be between 1 and 1,000,000.");
        }

        if (MaxConcurrency is < 1 or > 256)
        {
            problems.Add("Zalo:Webhook:MaxConcurrency must be between 1 and 256.");
        }

        if (RetryDelays is null || RetryDelays.Count > 20)
        {
            problems.Add("Zalo:Webhook:RetryDelays must hold at most 20 delays.");
        }
        else
        {
            foreach (var delay in RetryDelays)
            {
                if (delay < TimeSpan.Zero || delay > TimeSpan.FromDays(1))
                {
                    problems.Add("Zalo:Webhook:RetryDelays must each be between 0 and 1 day.");
                    break;
                }
            }
        }

        return problems;
    }
}
