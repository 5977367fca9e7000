namespace AkkaIpc.Sockets.Tests;

/// <summary>A listener and a connector in this process, connected over a real socket file.</summary>
internal sealed class ConnectedPair : IDisposable
{
    public ConnectedPair(
        string path,
        IpcSocketOptions? serverOptions = null,
        IpcSocketOptions? clientOptions = null,
        bool drainServer = true,
        bool drainClient = true)
    {
        Path = path;
        Server = new IpcSocket(serverOptions) { Path = path };
        Client = new IpcSocket(clientOptions) { Path = path };
        ServerEvents = new EventRecorder(Server, drainServer);
        ClientEvents = new EventRecorder(Client, drainClient);
        Server.Listen();
        Client.Connect();
        if (Server.Options.EventMode == IpcEventMode.Automatic)
        {
            ServerEvents.WaitConnected();
        }

        if (Client.Options.EventMode == IpcEventMode.Automatic)
        {
            ClientEvents.WaitConnected();
        }
    }

    public string Path { get; }

    public IpcSocket Server { get; }

    public IpcSocket Client { get; }

    public EventRecorder ServerEvents { get; }

    public EventRecorder ClientEvents { get; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
