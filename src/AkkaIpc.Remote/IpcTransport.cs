using System.Collections.Concurrent;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote;
using Akka.Remote.Transport;
using AkkaIpc.Remote.Internal;
using AkkaIpc.Sockets;

namespace AkkaIpc.Remote;

/// <summary>
/// Akka.Remote's classic transport over Unix domain sockets: each association is one <see cref="IpcSocket"/>
/// connection carrying length-prefixed frames, and the system listens on the socket file its address names
/// (<see cref="IpcAddressScheme"/>). No TCP port is opened. Enabled by configuration alone
/// (<c>akka.remote.enabled-transports = ["akka.remote.ipc"]</c>, see hocon/remote.conf); Akka.Remote creates it.
/// </summary>
/// <remarks>The socket file follows AkkaIpc's rules: created with <c>file-mode</c> (0600), a stale file reclaimed, a live
/// listener's or a non-socket file refused and left alone, removed on shutdown, peers outside the uid allow-list
/// closed at once.</remarks>
public sealed class IpcTransport : Transport
{
    private const int FreePortAttempts = 64;
    private const int FreePortFirst = 10000;

    private readonly ILoggingAdapter _log;
    private readonly IpcSocketOptions _options;
    private readonly TaskCompletionSource<IAssociationEventListener> _associationListener = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<IpcAssociationHandle, byte> _handles = new();
    private readonly CancellationTokenSource _shutdown = new();
    private IpcListener? _listener;
    private Address? _localAddress;
    private int _inbound;

    /// <summary>Creates the transport; Akka.Remote calls this with the transport's configuration block.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="config">The <c>akka.remote.ipc</c> block (embedded defaults fill in missing keys).</param>
    /// <exception cref="ConfigurationException">A setting is invalid (the message names the key).</exception>
    public IpcTransport(ActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        System = system;
        Config = config;
        Settings = IpcTransportSettings.Create(config);
        _options = Settings.ToSocketOptions();
        _log = Logging.GetLogger(system, typeof(IpcTransport));
        SchemeIdentifier = IpcAddressScheme.Scheme;
        MaximumPayloadBytes = Settings.MaximumFrameSize;
    }

    /// <summary>The validated settings.</summary>
    public IpcTransportSettings Settings { get; }

    /// <summary>The socket file this system listens on; null before <see cref="Listen"/>.</summary>
    public string? SocketPath => _listener?.Path;

    /// <summary>
    /// Creates the socket directory (0700) if missing and listens on this system's socket file; with port 0 on the
    /// first free port. Peers are accepted once Akka.Remote has registered its listener.
    /// </summary>
    /// <returns>This system's address (scheme <c>ipc</c>) and the promise for Akka.Remote's association listener.</returns>
    /// <exception cref="RemoteTransportException">The socket file cannot be created (105: a live system or a foreign file
    /// stands there; 100, 107: see the inner <see cref="IpcSocketException"/>).</exception>
    public override Task<(Address, TaskCompletionSource<IAssociationEventListener>)> Listen()
    {
        try
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(Settings.SocketDirectory);
            else
                Directory.CreateDirectory(Settings.SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemoteTransportException($"100: cannot create the socket directory {Settings.SocketDirectory}: {e.Message}", e);
        }

        var (listener, port) = Settings.Port == 0 ? BindFreePort() : (Bind(Settings.Port), Settings.Port);
        listener.PeerRejected += (_, e) => _log.Warning("A peer of uid {0} (pid {1}) was refused at {2}: its uid is not allowed",
            e.Credentials.Uid, e.Credentials.Pid, listener.Path);
        _listener = listener;
        _localAddress = new Address(IpcAddressScheme.Scheme, System.Name, Settings.Hostname, port);
        _ = AcceptLoopAsync(listener, _localAddress);
        return Task.FromResult((_localAddress, _associationListener));
    }

    /// <summary>True for every address: Akka.Remote picks this transport by its scheme.</summary>
    /// <param name="remote">The remote address.</param>
    /// <returns>True.</returns>
    public override bool IsResponsibleFor(Address remote) => true;

    /// <summary>Connects to the socket file of <paramref name="remoteAddress"/>.</summary>
    /// <param name="remoteAddress">The remote system's address (scheme <c>ipc</c>).</param>
    /// <returns>The association's handle.</returns>
    /// <exception cref="InvalidAssociationException">Nothing listens at the address's socket file (103: no file, or a
    /// stale one), the address has no valid host or port, or the transport is not listening.</exception>
    public override async Task<AssociationHandle> Associate(Address remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        var local = _localAddress ?? throw new InvalidAssociationException("the ipc transport is not listening (Listen was not called or it shut down)");
        string path;
        try
        {
            path = Settings.SocketPath(remoteAddress.Host, remoteAddress.Port ?? 0);
        }
        catch (ArgumentException e)
        {
            throw new InvalidAssociationException($"{remoteAddress} cannot name a socket file: {e.Message}", e);
        }

        var socket = new IpcSocket(_options) { Path = path };
        try
        {
            await socket.ConnectAsync(_shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IpcSocketException or OperationCanceledException)
        {
            socket.Dispose();
            var code = e is IpcSocketException ipc ? (int)ipc.ErrorNumber : (int)IpcErrorCode.InvalidStateError;
            throw new InvalidAssociationException($"{code}: nothing to associate with at {remoteAddress}: {e.Message}", e);
        }

        return Track(new IpcAssociationHandle(local, remoteAddress, socket, Settings.MaximumFrameSize, _log, Forget));
    }

    /// <summary>Stops listening (removing this system's socket file) and closes every association.</summary>
    /// <returns>True.</returns>
    public override Task<bool> Shutdown()
    {
        _shutdown.Cancel();
        _listener?.Stop();
        _localAddress = null;
        foreach (var handle in _handles.Keys)
            handle.Abort();
        _handles.Clear();
        return Task.FromResult(true);
    }

    private (IpcListener, int) BindFreePort()
    {
        for (var attempt = 0; attempt < FreePortAttempts; attempt++)
        {
            var port = Random.Shared.Next(FreePortFirst, 65536);
            try
            {
                return (Bind(port), port);
            }
            catch (RemoteTransportException e) when (e.InnerException is IpcSocketException { ErrorNumber: IpcErrorCode.AddressInUseError })
            {
                // Taken by a live system (or a foreign file stands there): try another port, leaving it alone.
            }
        }

        throw new RemoteTransportException(
            $"105: no free port found in {FreePortAttempts} attempts under {Settings.SocketDirectory} (akka.remote.ipc.port = 0)");
    }

    private IpcListener Bind(int port)
    {
        var listener = new IpcListener(Settings.SocketPath(Settings.Hostname, port), _options);
        try
        {
            listener.Start();
            return listener;
        }
        catch (IpcSocketException e)
        {
            listener.Dispose();
            throw new RemoteTransportException(
                string.Create(CultureInfo.InvariantCulture, $"{(int)e.ErrorNumber}: cannot listen as {Settings.Hostname}:{port}: {e.Message}"), e);
        }
    }

    private async Task AcceptLoopAsync(IpcListener listener, Address local)
    {
        IAssociationEventListener associations;
        try
        {
            associations = await _associationListener.Task.WaitAsync(_shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!_shutdown.IsCancellationRequested)
        {
            IpcSocket socket;
            try
            {
                socket = await listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException || _shutdown.IsCancellationRequested)
            {
                return;
            }
            catch (IpcSocketException e)
            {
                _log.Error(e, "{0}: the ipc transport stopped accepting at {1}", (int)e.ErrorNumber, listener.Path);
                return;
            }

            // The peer's own address arrives in Akka's handshake; until then it is known by its process and a sequence.
            var peer = new Address(IpcAddressScheme.Scheme, local.System,
                "pid-" + (socket.PeerCredentials?.Pid.ToString(CultureInfo.InvariantCulture) ?? "unknown"),
                Interlocked.Increment(ref _inbound));
            associations.Notify(new InboundAssociation(Track(new IpcAssociationHandle(local, peer, socket, Settings.MaximumFrameSize, _log, Forget))));
        }
    }

    private IpcAssociationHandle Track(IpcAssociationHandle handle)
    {
        _handles.TryAdd(handle, 0);
        return handle;
    }

    private void Forget(IpcAssociationHandle handle) => _handles.TryRemove(handle, out _);
}
