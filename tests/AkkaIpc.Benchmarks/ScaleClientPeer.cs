using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One process driving N raw client sockets against a scale server: <c>scale-clients PATH N</c>. Connects all N,
/// says <c>READY</c>, then runs the phases the parent asks for on stdin, one line each, answering each with one
/// line (or <c>ERROR message</c>): <c>SATURATE WARMUP_MS ROUNDTRIPS</c> (<see cref="ClosedLoopClients"/>, answers
/// <c>RESULT key=value...</c>); <c>PACED RATE WARMUP_MS DURATION_MS</c>, one round of the sustained phase
/// (<see cref="PacedClients"/>, answers <c>OK</c>); <c>REPORT</c>, the sustained phase's figures over its rounds
/// so far (<see cref="PacedTotals"/>, answers <c>RESULT key=value...</c>) and a fresh start. Keeps every connection open until its
/// stdin closes, so the parent can also read the server's memory with N peers attached.
/// </summary>
internal static class ScaleClientPeer
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args[0];
        var n = int.Parse(args[1], CultureInfo.InvariantCulture);
        var sockets = new Socket[n];
        try
        {
            for (var i = 0; i < n; i++)
                sockets[i] = await ConnectAsync(path).ConfigureAwait(false);
            PeerMain.Ready();

            var totals = new PacedTotals();
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                var command = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                PeerMain.Reply(await RunPhaseAsync(sockets, command, totals).ConfigureAwait(false));
                if (command is ["REPORT"])
                    totals = new PacedTotals();
            }

            return 0;
        }
        finally
        {
            foreach (var s in sockets)
                s?.Dispose();
        }
    }

    private static async Task<string> RunPhaseAsync(Socket[] sockets, string[] command, PacedTotals totals)
    {
        try
        {
            switch (command)
            {
                case ["SATURATE", var warmupMs, var roundTrips]:
                    return await ClosedLoopClients.RunAsync(sockets, Millis(warmupMs), Int(roundTrips)).ConfigureAwait(false);
                case ["PACED", var rate, var warmupMs, var durationMs]:
                    await PacedClients.RunAsync(sockets, Int(rate), Millis(warmupMs), Millis(durationMs), totals).ConfigureAwait(false);
                    return "OK";
                case ["REPORT"]:
                    return totals.Report();
                default:
                    return "ERROR unknown command " + string.Join(' ', command);
            }
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or TimeoutException)
        {
            // The parent reports it as the level's failure; a lost connection leaves nothing worth running on.
            return $"ERROR {e.GetType().Name}: {e.Message}";
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static TimeSpan Millis(string text) => TimeSpan.FromMilliseconds(Int(text));

    private static async Task<Socket> ConnectAsync(string path)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ConnectTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < deadline)
            {
                // Not listening yet, or the accept backlog is full: the server catches up, we retry.
                socket.Dispose();
                await Task.Delay(10).ConfigureAwait(false);
            }
        }
    }
}
