// INTERIM: a raw System.Net.Sockets stand-in for the actor layer so the node's command line, output and
// test harness can be built and exercised before branch `actors` lands. Deleted at that merge.
using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using AkkaIpc.Protocol;
using AkkaIpc.Sockets;
using SocketError = AkkaIpc.Protocol.SocketError;

namespace AkkaIpc.Node.Link;

internal sealed class RawNodeLink : INodeLink
{
    private readonly ChannelWriter<NodeEvent> _inbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly SocketRoleKind _role;
    private readonly int _maxRetries;
    private readonly Task _loop;
    private Socket? _connection;
    private Socket? _listener;

    public RawNodeLink(SocketRoleKind role, string path, int maxRetries, ChannelWriter<NodeEvent> inbox)
    {
        _inbox = inbox;
        _role = role;
        Path = path;
        _maxRetries = maxRetries;
        _loop = Task.Run(RunAsync);
    }

    public string Path { get; }

    public void Send(object command)
    {
        switch (command)
        {
            case Write write:
                var socket = _connection;
                if (socket is null)
                {
                    Emit(new CommandFailed(write, IpcErrorCode.InvalidStateError, $"106: not connected ({Path})"));
                    return;
                }

                try
                {
                    socket.Send(write.Data.AsSpan());
                    if (write.Ack is not null)
                    {
                        Emit(write.Ack);
                    }
                }
                catch (SocketException)
                {
                    Emit(new CommandFailed(write, IpcErrorCode.LostConnection, $"102: lost connection ({Path})"));
                }

                break;
            case Close:
                _stop.Cancel();
                _connection?.Dispose();
                _listener?.Dispose();
                break;
        }
    }

    public void SendTo(object target, object command) => Send(command);

    public async ValueTask DisposeAsync()
    {
        Send(Close.Instance);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Emit(object message) => _inbox.TryWrite(new NodeEvent(message, this));

    private async Task RunAsync()
    {
        var attempt = 0;
        while (!_stop.IsCancellationRequested)
        {
            IpcErrorCode failure;
            try
            {
                failure = await OpenAndReadAsync().ConfigureAwait(false);
            }
            catch (IpcFailure fatal)
            {
                Emit(new SocketError(fatal.Code, fatal.Message));
                if (fatal.Code == IpcErrorCode.NameResolutionError && attempt < _maxRetries)
                {
                    failure = fatal.Code;
                }
                else
                {
                    Emit(new GaveUp(fatal.Code, fatal.Message));
                    return;
                }
            }

            if (_stop.IsCancellationRequested)
            {
                break;
            }

            attempt++;
            var delay = TimeSpan.FromMilliseconds(200);
            Emit(new Restarting(attempt, delay, failure));
            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Cleanup();
        Emit(new Closed("closed by the node"));
    }

    private async Task<IpcErrorCode> OpenAndReadAsync()
    {
        var length = Encoding.UTF8.GetByteCount(Path);
        if (length == 0 || length > 103)
        {
            throw new IpcFailure(IpcErrorCode.InvalidPortError, length == 0 ? $"107: path is empty ({Path})" : $"107: path is {length} bytes; the limit is 103 ({Path})");
        }

        var endPoint = new UnixDomainSocketEndPoint(Path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        if (_role == SocketRoleKind.Connect)
        {
            try
            {
                await socket.ConnectAsync(endPoint, _stop.Token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                socket.Dispose();
                throw new IpcFailure(IpcErrorCode.NameResolutionError, $"103: nothing listens ({Path})");
            }

            _connection = socket;
        }
        else
        {
            if (File.Exists(Path) || Directory.Exists(Path))
            {
                if (Directory.Exists(Path) || !IsSocketFile(Path))
                {
                    throw new IpcFailure(IpcErrorCode.AddressInUseError, $"105: a file that is not a socket is in the way ({Path})");
                }

                File.Delete(Path);
            }

            try
            {
                socket.Bind(endPoint);
                socket.Listen(1);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                throw new IpcFailure(IpcErrorCode.OpenDriverError, $"100: {exception.Message} ({Path})");
            }

            _listener = socket;
            try
            {
                _connection = await socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return IpcErrorCode.None;
            }
            finally
            {
                socket.Dispose();
                _listener = null;
            }
        }

        Emit(new Connected(Path, null));
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var read = await _connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                Emit(new Received(ImmutableArray.Create(buffer, 0, read)));
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer or Close ended the read; handled below like end of stream.
        }

        _connection.Dispose();
        _connection = null;
        Cleanup();
        if (!_stop.IsCancellationRequested)
        {
            Emit(new SocketError(IpcErrorCode.LostConnection, $"102: the peer closed the connection ({Path})"));
        }

        return IpcErrorCode.LostConnection;
    }

    private static bool IsSocketFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private void Cleanup()
    {
        if (_role != SocketRoleKind.Connect && File.Exists(Path))
        {
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
                // Interim cleanup only.
            }
        }
    }

    private sealed class IpcFailure(IpcErrorCode code, string message) : Exception(message)
    {
        public IpcErrorCode Code { get; } = code;
    }
}
