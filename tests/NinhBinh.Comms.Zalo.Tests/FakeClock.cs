using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>Drives code that waits on a <see cref="FakeTimeProvider"/> (backoff, attempt timeouts, rate-limit windows).</summary>
internal static class FakeClock
{
    /// <summary>Advances the fake clock in steps until the task completes; fails (instead of hanging) after 10,000 steps.</summary>
    public static async Task<T> Pump<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }

        Assert.True(task.IsCompleted, "The call did not finish within the pumped fake time.");
        return await task;
    }

    /// <summary>As <see cref="Pump{T}"/> for a call expected to fail: returns its exception.</summary>
    public static Task<Exception> PumpFailure(FakeTimeProvider time, Task task, TimeSpan? step = null)
        => Pump(time, task.ContinueWith(t => t.Exception?.InnerException ?? new InvalidOperationException("The call did not fail."), TaskScheduler.Default), step);
}
