using System.Diagnostics;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The sustained phase of the scale benchmark, in the client process: a fixed aggregate rate of pings, spread
/// evenly over the N connections (connection i sends at t0 + (i + kN) / rate, so each has a period of N / rate),
/// whatever the server does (open loop). One pacer thread walks that schedule, sleeping precisely in between
/// (<see cref="PreciseSleep"/>); the replies are handled where they land (<see cref="PacedConnection"/>).
/// Sends scheduled during the warm-up are made but not measured.
/// </summary>
internal static class PacedClients
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// One round: <paramref name="warmup"/> of the schedule unmeasured, then <paramref name="duration"/> measured,
    /// recorded into <paramref name="totals"/>. A pacer that wakes later than one connection's period (and at most
    /// 1 ms) shifts the rest of the schedule by its lateness.
    /// </summary>
    public static async Task RunAsync(Socket[] sockets, int rate, TimeSpan warmup, TimeSpan duration, PacedTotals totals)
    {
        var (recorder, lateness) = totals.StartRound((int)Math.Ceiling(duration.TotalSeconds * rate) + 2);
        var connections = sockets.Select(s => new PacedConnection(s, recorder, totals.Slow)).ToArray();
        var heldUp = 0;
        var all = 0L;
        var slips = 0;
        var slipped = 0L;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();

        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                PreciseSleep.UseFineTimerSlackOnThisThread();
                var interval = Stopwatch.Frequency / (double)rate;
                var slipAfter = (long)Math.Min(connections.Length * interval, Stopwatch.Frequency / 1000.0);
                var t0 = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
                var measureFrom = t0 + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
                var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                for (all = 0; ; all++)
                {
                    var due = t0 + (long)(all * interval);
                    if (due >= end)
                        break;
                    PreciseSleep.Until(due);
                    var now = Stopwatch.GetTimestamp();
                    var measured = due >= measureFrom;
                    if (measured)
                        lateness.Record(now - due);
                    if (now - due > slipAfter)
                    {
                        // The pacer itself was held up (starved of CPU): catching up would fire the missed sends in
                        // a burst, which then queue behind each other, on one connection even, and be charged to
                        // the server. Shift the rest of the schedule instead; the log shows how much was lost.
                        t0 += now - due;
                        slipped += now - due;
                        slips++;
                    }

                    if (connections[all % connections.Length].Offer(now, measured) && measured)
                        heldUp++;
                }

                paced.SetResult();
            }
            catch (Exception e)
            {
                paced.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "pacer",
        };
        pacer.Start();
        await paced.Task.ConfigureAwait(false);
        await Task.WhenAll(connections.Select(c => c.Chain)).WaitAsync(DrainTimeout).ConfigureAwait(false);

        totals.EndRound(duration.TotalSeconds, heldUp, slips, slipped, all, Environment.CpuUsage.TotalTime - cpuBefore, clock.Elapsed);
    }
}
