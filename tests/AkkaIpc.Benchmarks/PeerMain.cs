namespace AkkaIpc.Benchmarks;

/// <summary>Entry of the peer modes: <c>--peer MODE ARGS...</c>; the parent starts these through <see cref="PeerProcess"/>.</summary>
internal static class PeerMain
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
            throw new ArgumentException("--peer needs a mode");
        var rest = args[1..];
        switch (args[0])
        {
            case "echo-uds":
                ExitWhenStdinCloses(rest[0]);
                RawEchoPeer.RunUds(rest[0]);
                return 0;
            case "echo-tcp":
                ExitWhenStdinCloses(socketPath: null);
                RawEchoPeer.RunTcp();
                return 0;
            case "sink-uds":
                ExitWhenStdinCloses(rest[0]);
                RawSinkPeer.Run(rest[0]);
                return 0;
            case "scale-clients":
                return await ScaleClientPeer.RunAsync(rest).ConfigureAwait(false);
            case "serve-raw":
                return await RawScaleServerPeer.RunAsync(rest).ConfigureAwait(false);
            case "remote-node":
                return await Remote.RemoteNodePeer.RunAsync(rest).ConfigureAwait(false);
            case "serve-actors":
                return await Actors.ActorServerPeer.RunAsync(rest).ConfigureAwait(false);
            default:
                throw new ArgumentException($"unknown peer mode '{args[0]}'");
        }
    }

    /// <summary>
    /// The parent holds our stdin; when it goes (normally or not, even by kill -9) we go too, so no peer is left
    /// behind, and we remove our socket file first (Environment.Exit skips the main thread's finally blocks).
    /// </summary>
    public static void ExitWhenStdinCloses(string? socketPath)
    {
        var watcher = new Thread(() =>
        {
            try
            {
                while (Console.In.ReadLine() is not null)
                {
                    // Lines carry nothing in these modes; only the end of input matters.
                }
            }
            finally
            {
                if (socketPath is not null)
                    SocketPaths.Delete(socketPath);
                Environment.Exit(0);
            }
        })
        {
            IsBackground = true,
            Name = "stdin-watch",
        };
        watcher.Start();
    }

    public static void Ready(string info = "") => Reply(info.Length == 0 ? "READY" : "READY " + info);

    /// <summary>
    /// One protocol line to the parent. Protocol lines start with <see cref="PeerProcess.Marker"/>, so whatever
    /// else reaches stdout (an actor system's log, say) cannot be mistaken for an answer.
    /// </summary>
    public static void Reply(string line)
    {
        Console.Out.WriteLine(PeerProcess.Marker + line);
        Console.Out.Flush();
    }
}
