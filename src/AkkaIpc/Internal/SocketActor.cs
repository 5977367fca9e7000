using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// Owns exactly one <see cref="IpcSocket"/>: opens it in <see cref="PreStart"/> from its role, path and settings
/// (an accepted connection is handed its already connected socket), disposes it in <see cref="PostStop"/>, and is
/// the only code that opens, reads or closes it; writes go through the socket's <see cref="SocketOutput"/>, held by
/// the actor that writes are sent to (the supervisor, or this actor for an accepted connection). Socket events,
/// raised on the socket's thread, become messages to Self and then Protocol events to the subscribers, sent with the
/// owner ref (the supervisor, or Self for an accepted connection) as sender; received bytes alone go to the
/// subscribers straight from the socket's thread, through <see cref="ReceivedDelivery"/>, which the actor opens once
/// the subscribers were told Connected and stops before it tells them the socket is down. The actor never stops
/// itself: it reports to its parent, which stops it (and, if it supervises, starts a fresh one after backoff, so a
/// restart always means a fresh OS socket).
/// <para>States and transitions:</para>
/// <list type="bullet">
/// <item><b>Opening</b> (Listener: bound, subscribers got Listening, waiting for its one peer; Connector: connecting).
/// Writes fail with 106. Connected event or ConnectAsync done → Established (parent SocketActorConnected with the
/// socket's output, then subscribers get Connected); open failure or socket error → Down (subscribers get IpcError,
/// parent SocketActorFailed); Close → Down.</item>
/// <item><b>Established</b> (an Accepted connection starts here). An accepted connection writes through its own
/// <see cref="SocketOutput"/> (acks answered from SendProgress); a supervised socket's writes never come here, its
/// supervisor holds the output. Received data is delivered to the subscribers as it arrives. Socket error (102 …) or
/// an oversized frame (108) → Down (a lost connection with bytes still buffered → DeliveringRest first); Close →
/// Closing if bytes are still queued (for a supervised socket: whenever it is connected, the supervisor decides), else
/// Down (subscribers and the requester get Closed, parent SocketActorClosed).</item>
/// <item><b>Closing</b>: waits for DrainCompleted: from its own drain of the output (up to close-timeout), or from the
/// supervisor once its drain is over; then closes as above. Writes fail with 106; received data is still delivered
/// (until a frame too large; the queued bytes still go out); a lost connection ends the drain.</item>
/// <item><b>DeliveringRest</b>: the peer went away (102) while bytes it sent before wait in the socket's buffer for
/// room in the window; they are delivered as the subscribers catch up, then → Down as for a socket error. Writes and
/// flushes fail with that 102; Close closes at once.</item>
/// <item><b>Down</b>: the socket is closed and released; writes fail with 106; waiting for the parent to stop it.</item>
/// </list>
/// </summary>
internal sealed partial class SocketActor : ReceiveActor
{
    private readonly SocketRole _role;
    private readonly string _path;
    private readonly IpcSocketSettings _settings;
    private readonly int _restarts;
    private readonly IActorRef _self;
    private readonly IActorRef _owner;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SubscriberSet _subscribers = new();
    private readonly ReceivedDelivery _delivery;
    private IpcSocket? _socket;
    private PeerCredentials? _peer;
    private IpcErrorCode _lastError;
    private bool _listening;

    // A lost connection not yet reported, while the peer's last bytes are delivered (DeliveringRest).
    private IpcSocketException? _pendingLoss;

    // The sending half, for an accepted connection only: a supervised socket's writes go to its supervisor, which
    // gets the output with SocketActorConnected.
    private readonly SocketOutput? _output;

    public SocketActor(
        SocketRole role, string path, IpcSocketSettings settings, ImmutableArray<IActorRef> subscribers, int restarts, IpcSocket? accepted)
    {
        _role = role;
        _path = path;
        _settings = settings;
        _restarts = restarts;
        _socket = accepted;
        _self = Self;
        _owner = role == SocketRole.Accepted ? Self : Context.Parent;
        foreach (var subscriber in subscribers.IsDefault ? [] : subscribers)
            _subscribers.Seed(subscriber);
        var decoder = settings.Framing == IpcFraming.LengthPrefixed ? new FrameDecoder(settings.MaxFrameSize) : null;
        _delivery = new ReceivedDelivery(_self, _owner, decoder, settings.ReceiveBufferLimit);
        if (accepted is not null)
            _output = new SocketOutput(accepted, settings, path, _owner);
        if (role == SocketRole.Accepted)
            Established();
        else
            Opening();
    }

    /// <summary>Props of a socket actor; <paramref name="accepted"/> only for <see cref="SocketRole.Accepted"/>.</summary>
    public static Props Props(
        SocketRole role, string path, IpcSocketSettings settings, ImmutableArray<IActorRef> subscribers, int restarts, IpcSocket? accepted) =>
        Akka.Actor.Props.Create(() => new SocketActor(role, path, settings, subscribers, restarts, accepted));

    protected override void PreStart()
    {
        _subscribers.WatchAll(Context);
        _settings.FaultInjector?.Attach(_self);

        if (_role == SocketRole.Accepted)
        {
            // Events start with StartReading from the server, once it has announced this connection.
            Attach(_socket!);
            _peer = _socket!.PeerCredentials;
            OpenDelivery();
            return;
        }

        if (_settings.FaultInjector?.TryTakeOpenFault(out var openFault) == true)
        {
            _self.Tell(new OpenFailed(openFault.Code, openFault.Message(_path)), ActorRefs.NoSender);
            return;
        }

        var fresh = new IpcSocket(_settings.ToSocketOptions());
        _socket = fresh;
        Attach(fresh);
        try
        {
            fresh.Path = _path;
            if (_role == SocketRole.Listener)
            {
                // Listen reclaims a stale file left by a dead listener, and refuses (105) a live one or a foreign file.
                fresh.Listen();
                _listening = true;
                Context.Parent.Tell(SocketActorListening.Instance, _self);
                Publish(new Listening(_path));
            }
            else
            {
                _ = fresh.ConnectAsync().PipeTo(_self, ActorRefs.NoSender,
                    () => ConnectCompleted.Instance, ex => new ConnectFailed(ex));
            }
        }
        catch (IpcSocketException ex)
        {
            _self.Tell(new OpenFailed(ex.ErrorNumber, ex.Message), ActorRefs.NoSender);
        }
    }

    protected override void PostStop()
    {
        _settings.FaultInjector?.Detach(_self);
        _output?.FailAcks(IpcErrorCode.InvalidStateError, "the socket actor stopped before the bytes reached the kernel");
        ReleaseSocket();
    }

    private void Opening()
    {
        Receive<ConnectCompleted>(_ => OnConnected());
        Receive<OpenFailed>(m => GoDown(m.Code, m.Message));
        Receive<ConnectFailed>(m => OnConnectFailed(m.Cause));
        Receive<SocketFaulted>(m => GoDown(m.Exception.ErrorNumber, m.Exception.Message, DisconnectionOf(m.Exception)));
        // Data that arrives before the connection is acknowledged stays buffered in the socket; OnConnected delivers it.
        Receive<Write>(w => NotConnected(w, "is not connected yet"));
        Receive<Flush>(f => NotConnected(f, "is not connected yet"));
        Receive<Close>(_ => CloseForGood());
        Common(connected: false);
    }

    private void Established()
    {
        if (_output is { } output)
        {
            Receive<Write>(w => output.Write(w, Sender));
            Receive<Flush>(_ => output.Flush(Sender));
            Receive<SendProgressed>(_ => output.Progressed());
        }

        Receive<StartReading>(_ => _socket?.StartEvents());
        Receive<SocketFaulted>(OnFaulted);
        Receive<FrameRejected>(RejectFrame);
        // ConnectAsync's completion and the Connected event both announce the connection; the second is a no-op.
        Receive<ConnectCompleted>(_ => { });
        Receive<Close>(_ => CloseForGood());
        Common(connected: true);
    }

    /// <summary>
    /// The peer went away while bytes it sent before still wait in the socket's buffer for room in the subscribers'
    /// window: they are delivered first, and the subscribers hear of the loss after the last of them.
    /// </summary>
    private void DeliveringRest()
    {
        Receive<FrameRejected>(RejectFrame);
        Receive<Write>(w => Sender.Tell(new CommandFailed(w, _pendingLoss!.ErrorNumber, _pendingLoss.Message), _owner));
        Receive<Flush>(f => Sender.Tell(new CommandFailed(f, _pendingLoss!.ErrorNumber, _pendingLoss.Message), _owner));
        Receive<Close>(_ => CloseForGood());
        Receive<SocketFaulted>(_ => { });
        Receive<SendProgressed>(_ => { });
        Receive<ConnectCompleted>(_ => { });
        Receive<StartReading>(_ => { });
        Common(connected: true);
    }

    private void Closing(IActorRef requester)
    {
        Receive<DrainCompleted>(_ => FinishClose(requester));
        if (_output is { } output)
            Receive<SendProgressed>(_ => output.Progressed());
        // The drain ends on a lost connection too, and delivery stopped at a bad frame; queued bytes may still go out.
        Receive<SocketFaulted>(_ => { });
        Receive<FrameRejected>(_ => { });
        Receive<Write>(w => NotConnected(w, "is closing"));
        Receive<Flush>(_ => { });
        Receive<Close>(_ => { });
        Receive<ConnectCompleted>(_ => { });
        Receive<StartReading>(_ => { });
        Common(connected: true);
    }

    private void Down()
    {
        Receive<Write>(w => NotConnected(w, "is down"));
        Receive<Flush>(f => NotConnected(f, "is down"));
        // Late notifications from the released socket.
        Receive<FrameRejected>(_ => { });
        Receive<SendProgressed>(_ => { });
        Receive<SocketFaulted>(_ => { });
        Receive<ConnectCompleted>(_ => { });
        Receive<ConnectFailed>(_ => { });
        Receive<OpenFailed>(_ => { });
        Receive<StartReading>(_ => { });
        Receive<DrainCompleted>(_ => { });
        Receive<Close>(_ => FinishClose(Sender));
        Common(connected: false);
    }

    private void Common(bool connected)
    {
        Receive<Subscribe>(m =>
        {
            var added = _subscribers.Add(m.Subscriber, Context);
            Sender.Tell(new Subscribed(m.Subscriber), _owner);
            if (connected)
                m.Subscriber.Tell(new Connected(_path, _peer), _owner);
            // Only now: no Received may overtake the Connected just told.
            if (added)
                Retarget();
        });
        Receive<Unsubscribe>(m =>
        {
            RemoveSubscriber(m.Subscriber);
            Sender.Tell(new Unsubscribed(m.Subscriber), _owner);
        });
        Receive<AddSubscriber>(m => AddSubscriber(m.Subscriber));
        Receive<RemoveSubscriber>(m =>
        {
            RemoveSubscriber(m.Subscriber);
            Sender.Tell(new SubscriberRemoved(m.Subscriber), _self);
        });
        Receive<GetStatus>(_ => Sender.Tell(Status(connected), _owner));
        Receive<GetSubscribers>(_ => Sender.Tell(new SubscriberList([.. _subscribers.Members]), _owner));
        Receive<PeerRejected>(Publish);
        Receive<InjectedFault>(m =>
        {
            if (_socket is not null)
                GoDown(m.Code, m.Message(_path), m.Code == IpcErrorCode.LostConnection ? Disconnection.Reset : Disconnection.None);
        });
        Receive<Terminated>(t =>
        {
            if (_subscribers.Forget(t.ActorRef))
                Retarget();
        });
        Receive<ActorIdentity>(m =>
        {
            // A subscriber has processed what was delivered before a probe: the window has room again.
            if (m.MessageId is DeliveryProbe probe && _delivery.Processed(probe, m.Subject))
                DeliverBuffered();
        });
    }

    private void OnConnected()
    {
        _peer = _socket?.PeerCredentials;
        // Before Connected, so a subscriber's first write after Connected finds the supervisor holding the output.
        Context.Parent.Tell(new SocketActorConnected(_peer, new SocketOutput(_socket!, _settings, _path, _owner)), _self);
        Become(Established);
        Publish(new Connected(_path, _peer));
        OpenDelivery();
    }

    /// <summary>
    /// The connection failed. After a lost connection the bytes the peer sent before it went may still be in the
    /// socket's buffer, waiting for room in the window: they go to the subscribers before the loss does.
    /// </summary>
    private void OnFaulted(SocketFaulted m)
    {
        var error = m.Exception;
        if (error.ErrorNumber == IpcErrorCode.LostConnection && _subscribers.Members.Count > 0 && _socket is { BytesAvailable: > 0 })
        {
            _pendingLoss = error;
            Become(DeliveringRest);
            return;
        }

        GoDown(error.ErrorNumber, error.Message, DisconnectionOf(error));
    }

    private void RejectFrame(FrameRejected m) => GoDown(IpcErrorCode.OutOfMemoryError,
        $"108: the peer sent a frame of {m.Length} bytes; akka.ipc.socket.max-frame-size is {_settings.MaxFrameSize} ({_path})");

    private void OnConnectFailed(Exception cause)
    {
        if (cause is AggregateException { InnerException: { } inner })
            cause = inner;
        if (cause is not IpcSocketException ex)
            throw new InvalidOperationException($"Connecting to {_path} failed unexpectedly.", cause);
        GoDown(ex.ErrorNumber, ex.Message);
    }

    /// <summary>The socket is gone for this incarnation: tell everyone, release it, and let the parent decide.</summary>
    private void GoDown(IpcErrorCode code, string message, Disconnection disconnection = Disconnection.None)
    {
        _pendingLoss = null;
        _lastError = code;
        _delivery.Stop();
        // A lost connection, or a connector's listener not up yet, is routine for a supervised link: its level is
        // akka.ipc.backoff.log-level. Anything else is worth a warning.
        if (code is not (IpcErrorCode.LostConnection or IpcErrorCode.NameResolutionError))
            _log.Warning("IPC socket {0} ({1}) down: {2}", _path, _role, message);
        else if (_settings.RestartLogLevel is { } level && _log.IsEnabled(level))
            _log.Log(level, null, $"IPC socket {_path} ({_role}) down: {message}");
        Publish(new IpcError(code, message, disconnection));
        _output?.FailAcksOnLoss(code, message);
        ReleaseSocket();
        Context.Parent.Tell(new SocketActorFailed(code, message), _self);
        Become(Down);
    }

    /// <summary>
    /// Close: bytes still queued get up to close-timeout to reach the kernel first (IpcSocket.Close drops them). The
    /// owner of the output drains it: this actor for an accepted connection, else the supervisor, which then sends
    /// DrainCompleted.
    /// </summary>
    private void CloseForGood()
    {
        var requester = Sender;
        if (_socket is not { IsConnected: true } || _output is { HasQueuedBytes: false })
        {
            FinishClose(requester);
            return;
        }

        _output?.DrainAsync(Context.System.Scheduler).PipeTo(_self, ActorRefs.NoSender, () => DrainCompleted.Instance);
        Become(() => Closing(requester));
    }

    private void FinishClose(IActorRef requester)
    {
        _output?.CompleteAcks();
        _output?.FailAcks(IpcErrorCode.InvalidStateError, SocketOutput.ClosedBeforeSent);
        ReleaseSocket();
        var closed = new Closed("closed by a Close command");
        Publish(closed);
        if (!requester.IsNobody() && !requester.Equals(Context.Parent) && !_subscribers.Contains(requester))
            requester.Tell(closed, _owner);
        Context.Parent.Tell(SocketActorClosed.Instance, _self);
        Become(Down);
    }

    /// <summary>How a lost connection ended: the socket raises 102 without a cause for end of stream, with the
    /// failing send or receive as the cause for a reset or a broken pipe.</summary>
    internal static Disconnection DisconnectionOf(IpcSocketException error) => error switch
    {
        { ErrorNumber: not IpcErrorCode.LostConnection } => Disconnection.None,
        { InnerException: null } => Disconnection.EndOfStream,
        _ => Disconnection.Reset,
    };

    private void NotConnected(object command, string state) =>
        Sender.Tell(new CommandFailed(command, IpcErrorCode.InvalidStateError, $"106: the socket {state} ({_path})"), _owner);

    private SocketStatus Status(bool connected) => new(
        _path, _role, connected, _socket?.BytesAvailable ?? 0, _socket?.BytesLeftToSend ?? 0,
        _lastError != IpcErrorCode.None ? _lastError : _socket?.LastErrorCode ?? IpcErrorCode.None, _restarts, connected ? _peer : null,
        IsListening: _listening && _socket is not null);

    private void AddSubscriber(IActorRef subscriber)
    {
        if (_subscribers.Add(subscriber, Context))
            Retarget();
    }

    private void RemoveSubscriber(IActorRef subscriber)
    {
        if (_subscribers.Remove(subscriber, Context))
            Retarget();
    }

    /// <summary>The subscribers changed; bytes that waited for a subscriber (or for room) go out now.</summary>
    private void Retarget()
    {
        _delivery.Retarget([.. _subscribers.Members]);
        DeliverBuffered();
    }

    private void Publish(object message) => _subscribers.Publish(message, _owner);
}
