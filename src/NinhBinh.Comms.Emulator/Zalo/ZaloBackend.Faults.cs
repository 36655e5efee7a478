using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

/// <summary>Fault injection: queued answers per path that replace the normal handling.</summary>
internal sealed partial class ZaloBackend
{
    public void AddFault(string path, Fault fault, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        var key = NormalizePath(path);
        lock (_gate)
        {
            if (!_faults.TryGetValue(key, out var queue))
            {
                queue = new Queue<(Fault, int)>();
                _faults[key] = queue;
            }

            queue.Enqueue((fault, times));
        }
    }

    public Fault? TakeFault(string path)
    {
        var key = NormalizePath(path);
        lock (_gate)
        {
            if (!_faults.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                return null;
            }

            var (fault, remaining) = queue.Dequeue();
            if (remaining > 1)
            {
                // Put it back at the front: rebuild the queue (rare, tiny).
                var rest = queue.ToArray();
                queue.Clear();
                queue.Enqueue((fault, remaining - 1));
                foreach (var item in rest)
                {
                    queue.Enqueue(item);
                }
            }

            return fault;
        }
    }

    private static string NormalizePath(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('/'))
        {
            trimmed = "/" + trimmed;
        }

        return trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed;
    }
}
