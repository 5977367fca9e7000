using AkkaIpc.Sockets;

namespace AkkaIpc.TestPeer;

/// <summary>
/// <c>serve PATH</c>: an <see cref="IpcListener"/> in a process whose descriptor soft limit is lowered to 128, so that a
/// test can run it out of descriptors by connecting a few hundred peers. Every accepted peer gets its bytes echoed and
/// is closed when it goes. Prints "Listening", then "Paused: &lt;code&gt;" and "Resumed" when accepting pauses for lack of
/// descriptors and goes on. For every stdin line "thread" it starts a new thread and prints "Thread started" or
/// "Thread failed: &lt;exception type&gt;" (the runtime needs free descriptors to start one).
/// </summary>
internal static class ServeMode
{
    internal static async Task<int> RunAsync(string path, Action<string> print)
    {
        FdExhaustion.LowerLimit(128);
        using var listener = new IpcListener(path);
        listener.AcceptingPaused += (_, e) => print($"Paused: {(int)e.Exception.ErrorNumber}");
        listener.AcceptingResumed += (_, _) => print("Resumed");
        listener.Start();
        print("Listening");
        _ = Task.Run(() => ReadCommands(print));
        while (true)
        {
            Serve(await listener.AcceptAsync().ConfigureAwait(false));
        }
    }

    private static void ReadCommands(Action<string> print)
    {
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            if (line != "thread")
            {
                continue;
            }

            try
            {
                var thread = new Thread(() => { });
                thread.Start();
                thread.Join();
                print("Thread started");
            }
            catch (OutOfMemoryException e)
            {
                print($"Thread failed: {e.GetType().Name}");
            }
        }
    }

    private static void Serve(IpcSocket socket)
    {
        var chunk = new byte[4096];
        socket.DataAvailable += (_, _) =>
        {
            int n;
            while ((n = socket.Read(chunk)) > 0)
            {
                socket.Write(chunk.AsSpan(0, n));
            }
        };
        socket.Error += (_, _) => socket.Dispose();
        socket.StartEvents();
    }
}
