using Akka.Actor;
using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// One path, many peers: owns an <see cref="IpcListener"/>, gives each accepted socket its own
/// <see cref="SocketActor"/> (role Accepted; stopped for good when its peer goes, since an accepted socket cannot
/// reconnect) and keeps accepting. Its subscribers are subscribed to every connection, get
/// <see cref="PeerConnected"/>/<see cref="PeerDisconnected"/> from here and each connection's events from the
/// connection itself. At <c>akka.ipc.server.max-connections</c> it pauses accepting until a connection ends; when
/// accepting fails with a socket error (e.g. 100 when descriptors run out) it reports it and tries again after
/// <c>accept-retry-delay</c> instead of stopping. Short of descriptors it pauses accepting (the listener keeps a few for
/// the runtime) and reports 100 once per pause. Per connection it keeps one set entry, nothing else. An Unsubscribe
/// is answered once every connection has stopped delivering to that subscriber (<see cref="PendingUnsubscriptions"/>).
/// <para>States and transitions:</para>
/// <list type="bullet">
/// <item><b>Serving</b>: accepting (subscribers got Listening once the listener started). Listener start failure
/// (100, 105, 107) → IpcError + GaveUp, stop. Close → Closing.</item>
/// <item><b>Closing</b>: the listener is stopped and every connection was told Close; when the last one has
/// terminated, subscribers (and the requester) get Closed and the server stops.</item>
/// </list>
/// </summary>
internal sealed class ServerActor : ReceiveActor, IWithTimers
{
    private const string AcceptTimer = "accept";
    private readonly string _path;
    private readonly IpcSocketSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SubscriberSet _subscribers = new();
    private readonly HashSet<IActorRef> _connections = [];
    private readonly Dictionary<IActorRef, IpcErrorCode> _ending = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly PendingUnsubscriptions _unsubscribing = new();
    private readonly IActorRef _self;
    private IpcListener? _listener;
    private bool _accepting;
    private int _accepted;
    private IpcErrorCode _lastError;
    private IActorRef? _closeRequester;
    private bool _listening;
    private readonly ReadyWaiters _waiters;

    // An accepted socket on its way through the mailbox (set off the actor, taken by OnAccepted): a stop that overtakes
    // it (PoisonPill, GracefulStop) would leave it to dead letters with its descriptor open, so PostStop closes it.
    private IpcSocket? _handedOver;

    public ServerActor(string path, IpcSocketSettings settings, IActorRef? subscriber, Action<IpcSocketException>? notReady = null)
    {
        _waiters = new ReadyWaiters(notReady);
        _path = path;
        _settings = settings;
        _self = Self;
        _subscribers.Seed(subscriber);
        Serving();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a server; <paramref name="notReady"/> is told why, if it never listens.</summary>
    public static Props Props(string path, IpcSocketSettings settings, IActorRef? subscriber, Action<IpcSocketException>? notReady = null) =>
        Akka.Actor.Props.Create(() => new ServerActor(path, settings, subscriber, notReady));

    // A connection that throws is stopped (and logged); the server reports it as disconnected.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        _subscribers.WatchAll(Context);
        var listener = new IpcListener(_path, _settings.ToSocketOptions());
        _listener = listener;
        listener.PeerRejected += OnPeerRejected;
        listener.AcceptingPaused += OnAcceptingPaused;
        listener.AcceptingResumed += OnAcceptingResumed;
        try
        {
            listener.Start();
        }
        catch (IpcSocketException ex)
        {
            _self.Tell(new OpenFailed(ex.ErrorNumber, ex.Message), ActorRefs.NoSender);
            return;
        }

        _listening = true;
        Publish(new Listening(_path));
        AcceptOne();
    }

    protected override void PostStop()
    {
        // Cancel first: a hand-over that comes after the exchange below sees it and closes its socket itself.
        _stopping.Cancel();
        Interlocked.Exchange(ref _handedOver, null)?.Dispose();
        StopListener();
        _stopping.Dispose();
        _unsubscribing.CompleteAll(Self);
        _waiters.FailAll(new IpcSocketException(IpcErrorCode.InvalidStateError,
            $"106: the server stopped before it was listening ({_path})", _path), Self);
    }

    private void Serving()
    {
        Receive<AcceptCompleted>(m => OnAccepted(m.Socket));
        Receive<AcceptFailed>(m => OnAcceptFailed(m.Cause));
        Receive<AcceptNext>(_ => AcceptIfRoom());
        Receive<OpenFailed>(m =>
        {
            _lastError = m.Code;
            _log.Error("IPC server {0} could not start: {1}", _path, m.Message);
            Publish(new IpcError(m.Code, m.Message));
            _waiters.FailAll(new IpcSocketException(m.Code, m.Message, _path), Self);
            Publish(new GaveUp(m.Code, $"error {(int)m.Code} is not retried: {m.Message}"));
            Context.Stop(Self);
        });
        Receive<Close>(_ =>
        {
            _closeRequester = Sender;
            StopListener();
            foreach (var connection in _connections)
                connection.Tell(Close.Instance, Self);
            Become(Closing);
            FinishClosingIfDone();
        });
        Common();
    }

    private void Closing()
    {
        Receive<AcceptCompleted>(m =>
        {
            Interlocked.Exchange(ref _handedOver, null);
            m.Socket.Dispose();
        });
        Receive<AcceptFailed>(_ => { });
        Receive<AcceptNext>(_ => { });
        Receive<OpenFailed>(_ => { });
        Receive<Close>(_ => { });
        Common();
    }

    private void Common()
    {
        Receive<SocketActorFailed>(m => EndConnection(Sender, m.Code));
        Receive<SocketActorClosed>(_ => EndConnection(Sender, IpcErrorCode.None));
        Receive<SocketActorConnected>(_ => { });
        Receive<Terminated>(t =>
        {
            if (_connections.Remove(t.ActorRef))
            {
                _unsubscribing.Done(t.ActorRef, null, Self);
                _ending.Remove(t.ActorRef, out var code);
                Publish(new PeerDisconnected(t.ActorRef, code));
                if (_closeRequester is null)
                    AcceptIfRoom();
                else
                    FinishClosingIfDone();
                return;
            }

            if (_subscribers.Forget(t.ActorRef))
            {
                foreach (var connection in _connections)
                    connection.Tell(new RemoveSubscriber(t.ActorRef), Self);
            }
        });
        Receive<Subscribe>(m =>
        {
            if (_subscribers.Add(m.Subscriber, Context))
            {
                foreach (var connection in _connections)
                    connection.Tell(new AddSubscriber(m.Subscriber), Self);
            }

            Sender.Tell(new Subscribed(m.Subscriber), Self);
        });
        Receive<Unsubscribe>(m =>
        {
            // Answered once every connection has stopped delivering to the subscriber: no Received after Unsubscribed.
            var removed = _subscribers.Remove(m.Subscriber, Context);
            if (removed)
            {
                foreach (var connection in _connections)
                    connection.Tell(new RemoveSubscriber(m.Subscriber), Self);
            }

            _unsubscribing.Add(m.Subscriber, Sender, removed ? _connections : [], Self);
        });
        Receive<SubscriberRemoved>(m => _unsubscribing.Done(Sender, m.Subscriber, Self));
        Receive<GetStatus>(_ => Sender.Tell(
            new SocketStatus(_path, SocketRole.Server, _listener is not null, 0, 0, _lastError, 0, null,
                IsListening: _listening && _listener is not null), Self));
        Receive<AwaitListening>(_ =>
        {
            if (_listening && _listener is not null)
                Sender.Tell(new Listening(_path), Self);
            else
                _waiters.AddListening(Sender);
        });
        Receive<AwaitConnected>(_ => Sender.Tell(new Status.Failure(new IpcSocketException(IpcErrorCode.InvalidStateError,
            $"106: a server does not connect; each peer it accepts is announced with PeerConnected ({_path})", _path)), Self));
        Receive<GetSubscribers>(_ => Sender.Tell(new SubscriberList([.. _subscribers.Members]), Self));
        Receive<Write>(m => NotAConnection(m));
        Receive<Flush>(m => NotAConnection(m));
        Receive<PeerRejected>(Publish);
        Receive<AcceptingPaused>(m =>
        {
            if (!m.Paused)
            {
                _log.Info("IPC server {0}: accepting again", _path);
                return;
            }

            _lastError = IpcErrorCode.OpenDriverError;
            _log.Warning("IPC server {0}: {1}", _path, m.Message);
            Publish(new IpcError(IpcErrorCode.OpenDriverError, m.Message));
        });
    }

    private void AcceptOne()
    {
        _accepting = true;
        var stopping = _stopping;
        _ = _listener!.AcceptAsync(stopping.Token).AsTask().PipeTo(_self, ActorRefs.NoSender, socket =>
        {
            // Runs off the actor: a peer accepted while the server stops would end in dead letters with its socket
            // open, so it is closed here (the peer sees 102) instead, or by PostStop if the stop comes after this.
            Interlocked.Exchange(ref _handedOver, socket);
            if (!stopping.IsCancellationRequested || Interlocked.CompareExchange(ref _handedOver, null, socket) != socket)
                return new AcceptCompleted(socket);
            socket.Dispose();
            return new AcceptFailed(new OperationCanceledException("the server is stopping"));
        }, ex => new AcceptFailed(ex));
    }

    private void AcceptIfRoom()
    {
        if (!_accepting && _listener is not null && _connections.Count < _settings.MaxConnections && !Timers.IsTimerActive(AcceptTimer))
            AcceptOne();
    }

    private void OnAccepted(IpcSocket socket)
    {
        Interlocked.Exchange(ref _handedOver, null);
        _accepting = false;
        _accepted++;
        var props = SocketActor.Props(SocketRole.Accepted, _path, _settings, [.. _subscribers.Members], 0, socket);
        var connection = Context.ActorOf(props, $"conn-{_accepted}");
        Context.Watch(connection);
        _connections.Add(connection);
        Publish(new PeerConnected(connection, socket.PeerCredentials));
        connection.Tell(StartReading.Instance, Self);
        AcceptIfRoom();
    }

    private void OnAcceptFailed(Exception cause)
    {
        _accepting = false;
        if (cause is AggregateException { InnerException: { } inner })
            cause = inner;
        if (_stopping.IsCancellationRequested || cause is OperationCanceledException or ObjectDisposedException)
            return;
        if (cause is not IpcSocketException ex)
            throw new InvalidOperationException($"Accepting on {_path} failed unexpectedly.", cause);

        _lastError = ex.ErrorNumber;
        _log.Warning("IPC server {0}: accepting failed, retrying in {1}: {2}", _path, _settings.AcceptRetryDelay, ex.Message);
        Publish(new IpcError(ex.ErrorNumber, ex.Message));
        Timers.StartSingleTimer(AcceptTimer, AcceptNext.Instance, _settings.AcceptRetryDelay);
    }

    private void EndConnection(IActorRef connection, IpcErrorCode code)
    {
        if (!_connections.Contains(connection))
            return;
        _ending[connection] = code;
        Context.Stop(connection);
    }

    private void FinishClosingIfDone()
    {
        if (_connections.Count > 0)
            return;
        var closed = new Closed("closed by a Close command");
        Publish(closed);
        if (_closeRequester is { } requester && !requester.IsNobody() && !_subscribers.Contains(requester))
            requester.Tell(closed, Self);
        Context.Stop(Self);
    }

    private void StopListener()
    {
        if (_listener is not { } listener)
            return;
        _listener = null;
        _stopping.Cancel();
        listener.PeerRejected -= OnPeerRejected;
        listener.AcceptingPaused -= OnAcceptingPaused;
        listener.AcceptingResumed -= OnAcceptingResumed;
        try
        {
            listener.Dispose();
        }
        catch (Exception ex)
        {
            // PostStop must not throw; a failing close only leaves something to log.
            _log.Warning("Stopping the IPC server {0} failed: {1}", _path, ex.Message);
        }
    }

    // Raised on the listener's thread: only tells Self.
    private void OnPeerRejected(object? sender, IpcPeerRejectedEventArgs e) =>
        _self.Tell(new PeerRejected(e.Credentials), ActorRefs.NoSender);

    private void OnAcceptingPaused(object? sender, IpcErrorEventArgs e) =>
        _self.Tell(new AcceptingPaused(true, e.Exception.Message), ActorRefs.NoSender);

    private void OnAcceptingResumed(object? sender, EventArgs e) =>
        _self.Tell(new AcceptingPaused(false, "accepting again"), ActorRefs.NoSender);

    private void NotAConnection(object command) => Sender.Tell(new CommandFailed(command, IpcErrorCode.InvalidStateError,
        $"106: a server has no peer of its own; send this to a connection from PeerConnected ({_path})"), Self);

    private void Publish(object message) => _subscribers.Publish(message, Self);
}
