// The process behind AkkaIpc.TestKit's ProcessPeer: `dotnet AkkaIpc.TestKit.Peer.dll connect|listen PATH`.
// It bridges one Unix socket connection to its standard streams, so a spec can drive it and kill it with SIGKILL:
//   stdout: "listening" (listen only), "connected", "recv <base64>" for each chunk read, "eof", "error <message>"
//   stdin:  "send <base64>", "shutdown" (end of stream to the peer), "close"; end of stdin closes too.
using System.Net.Sockets;

if (args.Length != 2 || args[0] is not ("connect" or "listen"))
{
    Console.Error.WriteLine("usage: AkkaIpc.TestKit.Peer connect|listen PATH");
    return 1;
}

var output = Console.Out;
void Say(string line)
{
    lock (output)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

Socket socket;
try
{
    var endPoint = new UnixDomainSocketEndPoint(args[1]);
    if (args[0] == "connect")
    {
        socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(endPoint);
    }
    else
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(endPoint);
        listener.Listen(1);
        Say("listening");
        socket = listener.Accept();
        File.Delete(args[1]);
    }
}
catch (SocketException ex)
{
    Say("error " + ex.Message);
    return 2;
}

Say("connected");
var reader = new Thread(() =>
{
    var buffer = new byte[64 * 1024];
    try
    {
        int read;
        while ((read = socket.Receive(buffer)) > 0)
            Say("recv " + Convert.ToBase64String(buffer, 0, read));
        Say("eof");
    }
    catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
    {
        Say("error " + ex.Message);
    }
}) { IsBackground = true };
reader.Start();

string? command;
while ((command = Console.In.ReadLine()) is not null)
{
    try
    {
        if (command.StartsWith("send ", StringComparison.Ordinal))
            socket.Send(Convert.FromBase64String(command[5..]));
        else if (command == "shutdown")
            socket.Shutdown(SocketShutdown.Send);
        else if (command == "close")
            break;
    }
    catch (SocketException ex)
    {
        Say("error " + ex.Message);
    }
}

socket.Dispose();
reader.Join(TimeSpan.FromSeconds(5));
return 0;
