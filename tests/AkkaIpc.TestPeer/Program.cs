// AkkaIpc.TestPeer: a small second process for cross-process tests of AkkaIpc sockets.
//
//   dotnet AkkaIpc.TestPeer.dll (listen|connect) PATH [options]
//   dotnet AkkaIpc.TestPeer.dll serve PATH      (see ServeMode.cs: an IpcListener short of descriptors)
//
//   listen PATH          IpcSocket.Listen on PATH; prints "Listening" once the socket file is ready.
//   connect PATH         IpcSocket.Connect to PATH.
//   --echo               write every received byte straight back (prints no DataAvailable lines).
//   --send-bytes N       once connected, send N pseudo-random bytes (System.Random(seed)), print "Sent: N",
//                        then close and exit 0 (after --expect-bytes too, if given).
//   --seed S             seed for --send-bytes (default 1).
//   --repeat-block       with --send-bytes: draw one 256 KiB block from Random(seed) and send it over and over (many
//                        GB/s: the seeded Random alone manages about 100 MB/s), cut short at N.
//   --expect-bytes N     receive N bytes, print "Received: N sha256=<lowercase hex>", exit 0 (prints no
//                        DataAvailable lines).
//   --mode OCTAL         socket file mode for listen (default 600).
//   --allow-uid U        (repeatable) uids a listener accepts; default: only its own.
//   --allow-any-uid      a listener accepts any uid.
//   --throw-on-data      the DataAvailable handler throws (an application bug); the socket reports it as an Error.
//   --exhaust-fds        first use up every file descriptor (soft limit lowered to 256), try Listen/Connect
//                        (prints "Exhausted", then "Error: <code>"), free them (prints "Released") and go on normally.
//
// Output, one line per event, flushed at once:
//   Listening                                 listen mode, after Listen() returned
//   Connected pid=<pid> uid=<uid> gid=<gid>   the PEER's credentials (SO_PEERCRED)
//   DataAvailable: <text>                     received bytes as UTF-8; newlines shown as \n, one trailing newline dropped
//   PeerRejected uid=<uid>                    listen mode, a peer of another uid was refused
//   Error: <code>                             an Error event or a failed Listen/Connect; then the process exits
//   Sent: N / Received: N sha256=<hex>        see above
// Every stdin line is written to the socket followed by "\n", then flushed.
// Exit codes: 0 done (--send-bytes/--expect-bytes complete), 1 usage, 2 Listen/Connect failed, 3 Error event.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AkkaIpc.Sockets;
using AkkaIpc.TestPeer;

if (args.Length < 2 || args[0] is not ("listen" or "connect" or "serve"))
{
    Console.Error.WriteLine("usage: AkkaIpc.TestPeer (listen|connect) PATH [--echo] [--send-bytes N] [--seed S] "
        + "[--repeat-block] [--expect-bytes N] [--mode OCTAL] [--allow-uid U]... [--allow-any-uid]");
    return 1;
}

var listen = args[0] == "listen";
var echo = false;
long sendBytes = -1;
long expectBytes = -1;
var seed = 1;
var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
var allowed = new List<int>();
var allowAny = false;
var exhaust = false;
var throwOnData = false;
var repeatBlock = false;
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--echo": echo = true; break;
        case "--send-bytes": sendBytes = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--expect-bytes": expectBytes = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--mode": mode = (UnixFileMode)Convert.ToInt32(args[++i], 8); break;
        case "--allow-uid": allowed.Add(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        case "--allow-any-uid": allowAny = true; break;
        case "--exhaust-fds": exhaust = true; break;
        case "--throw-on-data": throwOnData = true; break;
        case "--repeat-block": repeatBlock = true; break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 1;
    }
}

var output = new object();
void Print(string line)
{
    lock (output)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

if (args[0] == "serve")
{
    return await ServeMode.RunAsync(args[1], Print).ConfigureAwait(false);
}

var options = new IpcSocketOptions
{
    SocketFileMode = mode,
    AllowedPeerUids = allowed.Count > 0 ? allowed : null,
    AllowAnyPeerUid = allowAny,
};
using var socket = new IpcSocket(options) { Path = args[1] };
var exit = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
long received = 0;
var receiveSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var receiveDone = expectBytes <= 0 ? Task.CompletedTask : receiveSignal.Task;

socket.Connected += (_, _) =>
{
    var peer = socket.PeerCredentials;
    Print($"Connected pid={peer?.Pid} uid={peer?.Uid} gid={peer?.Gid}");
    connected.TrySetResult();
};
socket.PeerRejected += (_, e) => Print($"PeerRejected uid={e.Credentials.Uid}");
socket.Error += (_, e) =>
{
    Print($"Error: {(int)e.Exception.ErrorNumber}");
    // With --expect-bytes alone, the sender closing after the last expected byte is the normal end, not a failure
    // (events come in order, so every expected byte was counted before this Error).
    exit.TrySetResult(expectBytes >= 0 && sendBytes < 0 && receiveDone.IsCompleted ? 0 : 3);
};
var chunk = new byte[64 * 1024];
socket.DataAvailable += (_, _) =>
{
    if (throwOnData)
    {
        throw new InvalidOperationException("a bug in the application's DataAvailable handler");
    }

    if (echo)
    {
        int n;
        while ((n = socket.Read(chunk)) > 0)
        {
            socket.Write(chunk.AsSpan(0, n));
        }
    }
    else if (expectBytes >= 0)
    {
        int n;
        while ((n = socket.Read(chunk)) > 0)
        {
            hash.AppendData(chunk, 0, n);
            received += n;
        }

        // Printed before the signal: once it is set the main thread may close and exit before this handler goes on.
        if (received >= expectBytes && !receiveSignal.Task.IsCompleted)
        {
            Print($"Received: {received} sha256={Convert.ToHexStringLower(hash.GetHashAndReset())}");
            receiveSignal.TrySetResult();
        }
    }
    else
    {
        var text = socket.ReadAll(Encoding.UTF8);
        Print("DataAvailable: " + (text.EndsWith('\n') ? text[..^1] : text).Replace("\n", "\\n", StringComparison.Ordinal));
    }
};

if (exhaust)
{
    // Warm up first: once descriptors are gone the runtime cannot even load an assembly.
    Print("Exhausting");
    Console.Error.Flush();
    using (var warmUp = new IpcSocket { Path = args[1] + ".warm-up" })
    {
        try
        {
            warmUp.Connect();
        }
        catch (IpcSocketException)
        {
            // Expected: nothing listens there; only the code paths matter.
        }
    }

    var hogs = FdExhaustion.Exhaust(256);
    Print("Exhausted");
    if (Open())
    {
        Print("Opened while exhausted");
        return 2;
    }

    hogs.ForEach(h => h.Dispose());
    Print("Released");
}

if (!Open())
{
    return 2;
}

_ = Task.Run(async () =>
{
    await connected.Task.ConfigureAwait(false);
    string? line;
    while ((line = await Console.In.ReadLineAsync().ConfigureAwait(false)) is not null)
    {
        socket.Write(line + "\n");
        socket.Flush();
    }
});

if (sendBytes >= 0 || expectBytes >= 0)
{
    _ = Task.Run(async () =>
    {
        await connected.Task.ConfigureAwait(false);
        if (sendBytes >= 0)
        {
            var random = new Random(seed);
            var block = new byte[256 * 1024];
            for (long left = sendBytes; left > 0;)
            {
                var n = (int)Math.Min(left, block.Length);
                if (!repeatBlock || left == sendBytes)
                {
                    random.NextBytes(block.AsSpan(0, n));
                }

                await socket.WriteAsync(block.AsMemory(0, n)).ConfigureAwait(false);
                left -= n;
            }

            await socket.FlushAsync().ConfigureAwait(false);
            Print($"Sent: {sendBytes}");
        }

        await receiveDone.ConfigureAwait(false);
        exit.TrySetResult(0);
    });
}

var code = await exit.Task.ConfigureAwait(false);
socket.Close();
return code;

bool Open()
{
    try
    {
        if (listen)
        {
            socket.Listen();
            Print("Listening");
        }
        else
        {
            socket.Connect();
        }

        return true;
    }
    catch (IpcSocketException e)
    {
        Print($"Error: {(int)e.ErrorNumber}");
        Console.Error.WriteLine(e.Message);
        return false;
    }
}
