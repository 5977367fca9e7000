using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// Parent of one <see cref="SocketActor"/> (a listener or a connector): the ref the extension hands out. It holds the
/// subscribers (death-watched, dropped when they stop) so they survive restarts, writes to the child's connected
/// socket, forwards other commands to the live child, and restarts the socket with exponential backoff.
/// <para>
/// Why not Akka's supervision or BackoffSupervisor: an in-place Restart directive has no delay, and
/// Backoff.OnFailure gives subscribers no Restarting/GaveUp and no per-error decision. So this actor implements the
/// same semantics directly, with nothing but ActorOf/Watch/Stop and a timer: the child reports a failure, the supervisor stops it, waits for Terminated (so the old
/// socket, and a listener's socket file, are released first), tells subscribers Restarting, and creates a fresh child
/// after <see cref="RestartBudget"/>'s delay. A child that throws is stopped by <see cref="SupervisorStrategy"/>
/// (logged) and restarted the same way, with cause <see cref="IpcErrorCode.None"/>.
/// </para>
/// <para>
/// Writes are handled here, in the mailbox they are addressed to: once the child reports its socket connected it hands
/// over the socket's sending half (<see cref="SocketOutput"/>), and this actor writes, flushes, answers acks and
/// drains on Close, while the child keeps the socket's life cycle and delivers what arrives. Forwarding each write
/// would cost a second mailbox turn, a possible wake-up of another thread, per write.
/// </para>
/// <para>States and transitions:</para>
/// <list type="bullet">
/// <item><b>Running</b> (child alive, not connected yet): writes and flushes fail with 106; other commands are
/// forwarded. Child reports Connected (with its output) → Connected, backoff resets. Child reports a failure → stop
/// it → Down. Close → the child closes → Closing.</item>
/// <item><b>Connected</b> (child alive, output held): writes go to the socket here, acks are answered here. Child
/// reports a failure → pending acks fail, stop it → Down. Close → Draining if bytes are still queued, else the acks are
/// answered and the child closes → Closing.</item>
/// <item><b>Draining</b>: queued bytes get up to close-timeout; then the acks are answered (or failed) and the child,
/// which has been holding Close, closes the socket → Closing.</item>
/// <item><b>Down</b> (child stopping, then backoff): writes and flushes fail with 106 (never held, never lost);
/// Subscribe/Unsubscribe/GetStatus are answered here. Child terminated → recoverable (102, 108, 106, unexpected
/// exception; 103 for a connector) and budget left: Restarting to subscribers, timer → Running on expiry; otherwise
/// GaveUp to subscribers and stop. Close → Closed to subscribers and stop.</item>
/// <item><b>Closing</b>: the child is closing the socket (it sends Closed); stop when it reports or terminates.
/// Subscribe/Unsubscribe still go to the child, which delivers until the socket is closed.</item>
/// </list>
/// </summary>
internal sealed partial class SocketSupervisor : ReceiveActor, IWithTimers
{
    private const string RestartTimer = "restart";
    private const string RetryWindowTimer = "retry-window";
    private const string SocketActorStopped = "the socket actor stopped before the bytes reached the kernel";
    private readonly SocketRole _role;
    private readonly string _path;
    private readonly IpcSocketSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SubscriberSet _subscribers = new();
    private readonly RestartBudget _budget;
    private IActorRef? _child;
    private int _incarnation;
    private int _restarts;
    private IpcErrorCode _lastError;
    private SocketActorFailed? _failure;
    private PeerCredentials? _peer;
    private bool _listening;
    private readonly ReadyWaiters _waiters;
    private readonly HeldWrites _held;

    // The sending half of the child's connected socket, from SocketActorConnected until the child fails or closes.
    // Writes are handled here, in the mailbox they are addressed to, rather than forwarded through a second one.
    private SocketOutput? _output;

    public SocketSupervisor(SocketRole role, string path, IpcSocketSettings settings, IActorRef? subscriber,
        Action<IpcSocketException>? notReady = null)
    {
        _waiters = new ReadyWaiters(notReady);
        _role = role;
        _path = path;
        _settings = settings;
        _budget = new RestartBudget(settings);
        _held = new HeldWrites(settings.HeldWritesLimit, path);
        _subscribers.Seed(subscriber);
        Running();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a supervisor; <paramref name="notReady"/> is told why, if the link never gets ready.</summary>
    public static Props Props(SocketRole role, string path, IpcSocketSettings settings, IActorRef? subscriber,
        Action<IpcSocketException>? notReady = null) =>
        Akka.Actor.Props.Create(() => new SocketSupervisor(role, path, settings, subscriber, notReady));

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        _subscribers.WatchAll(Context);
        StartChild();
    }

    protected override void PostStop()
    {
        FailAcks(SocketActorStopped);
        _held.FailAll(IpcErrorCode.InvalidStateError, $"106: the link stopped before the socket connected ({_path})", Self);
        _waiters.FailAll(new IpcSocketException(IpcErrorCode.InvalidStateError,
            $"106: the link stopped before it was ready ({_path})", _path), Self);
    }

    /// <summary>The child runs but is not connected (as far as this actor knows yet).</summary>
    private void Running()
    {
        WhileDown("is not connected yet");
        Receive<SocketActorConnected>(m =>
        {
            _budget.Connected();
            Timers.Cancel(RetryWindowTimer);
            _output = m.Output;
            _peer = m.Peer;
            Become(() => Connected(m.Output));
            _held.Release((write, sender) => m.Output.Write(write, sender));
            _waiters.Connected(new Connected(_path, _peer), Self);
        }, _ => Sender.Equals(_child));
        Receive<Close>(_ =>
        {
            // The child may be connected already (its report still on the way): it waits for DrainCompleted then.
            _child!.Forward(Close.Instance);
            _child!.Tell(DrainCompleted.Instance, Self);
            Become(Closing);
        });
        WithChild();
    }

    /// <summary>Running or Connected: the child is alive.</summary>
    private void WithChild()
    {
        Receive<GetStatus>(m => _child!.Forward(m));
        Receive<GetSubscribers>(m => _child!.Forward(m));
        SubscriptionsThroughChild();
        Receive<SocketActorListening>(_ =>
        {
            _listening = true;
            _waiters.Listening(new Listening(_path), Self);
        }, _ => Sender.Equals(_child));
        Receive<SocketActorFailed>(m =>
        {
            _output?.FailAcksOnLoss(m.Code, m.Message);
            _output = null;
            _peer = null;
            _listening = false;
            _failure = m;
            _lastError = m.Code;
            Context.Stop(_child!);
            Become(Down);
        }, _ => Sender.Equals(_child));
        Receive<SocketActorClosed>(_ => Context.Stop(Self), _ => Sender.Equals(_child));
        Receive<Terminated>(t =>
        {
            // The child stopped without reporting: it threw, and SupervisorStrategy stopped it (and logged why).
            FailAcks(SocketActorStopped);
            _peer = null;
            _listening = false;
            _failure = new SocketActorFailed(IpcErrorCode.None, "the socket actor failed unexpectedly (see the log)");
            ChildGone();
        }, t => t.ActorRef.Equals(_child));
        Common();
    }

    private void Down()
    {
        WhileDown("is not connected; it is restarting");
        Receive<Close>(_ =>
        {
            Timers.CancelAll();
            var closed = new Closed("closed by a Close command");
            Publish(closed);
            if (!Sender.IsNobody() && !_subscribers.Contains(Sender))
                Sender.Tell(closed, Self);
            Context.Stop(Self);
        });
        SubscriptionsWithoutChild();
        Receive<Terminated>(_ => ChildGone(), t => t.ActorRef.Equals(_child));
        Receive<StartSocket>(_ =>
        {
            StartChild();
            Become(Running);
        });
        // Reports from a child that is already being stopped.
        Receive<SocketActorConnected>(_ => { });
        Receive<SocketActorFailed>(_ => { });
        Receive<SocketActorClosed>(_ => { });
        Common();
    }

    private void Closing()
    {
        Receive<SocketActorClosed>(_ => Context.Stop(Self));
        Receive<Terminated>(_ => Context.Stop(Self), t => t.ActorRef.Equals(_child));
        Receive<Write>(m => Sender.Tell(new CommandFailed(m, IpcErrorCode.InvalidStateError, $"106: the socket is closing ({_path})"), Self));
        Receive<Flush>(_ => { });
        Receive<Close>(_ => { });
        Receive<GetStatus>(_ => Sender.Tell(new SocketStatus(_path, _role, false, 0, 0, _lastError, _restarts, null), Self));
        Receive<AwaitConnected>(_ => NeverReady());
        Receive<AwaitListening>(_ => NeverReady());
        // The child delivers until its socket closes.
        SubscriptionsThroughChild();
        Receive<SocketActorConnected>(_ => { });
        Receive<SocketActorFailed>(_ => { });
        Common();
    }

    /// <summary>
    /// Subscriptions while a socket actor runs: kept here (they outlive it) and passed on, and the child answers, since
    /// only its answer means it no longer tells (or from now on tells) the subscriber what arrives.
    /// </summary>
    private void SubscriptionsThroughChild()
    {
        Receive<Subscribe>(m =>
        {
            Add(m.Subscriber);
            _child!.Forward(m);
        });
        Receive<Unsubscribe>(m =>
        {
            Remove(m.Subscriber);
            _child!.Forward(m);
        });
    }

    /// <summary>Subscriptions and status while no socket actor runs: answered here, nothing to forward.</summary>
    private void SubscriptionsWithoutChild()
    {
        Receive<GetStatus>(_ => Sender.Tell(new SocketStatus(_path, _role, false, 0, 0, _lastError, _restarts, null), Self));
        Receive<Subscribe>(m =>
        {
            Add(m.Subscriber);
            Sender.Tell(new Subscribed(m.Subscriber), Self);
        });
        Receive<Unsubscribe>(m =>
        {
            Remove(m.Subscriber);
            Sender.Tell(new Unsubscribed(m.Subscriber), Self);
        });
    }

    /// <summary>Writes while no socket is connected: held for the reconnect when that is enabled, else failed (106).</summary>
    private void WhileDown(string state)
    {
        Receive<Write>(m =>
        {
            if (_held.Enabled)
                _held.Hold(m, Sender, Self);
            else
                NotNow(m, state);
        });
        Receive<Flush>(m =>
        {
            // Held writes go out when the socket connects; there is nothing to flush before.
            if (!_held.Enabled)
                NotNow(m, state);
        });
    }

    private void Common()
    {
        // Late completions of an output that is gone.
        Receive<SendProgressed>(_ => { });
        Receive<DrainCompleted>(_ => { });
        Receive<SocketActorListening>(_ => { });
        Receive<RetryWindowPassed>(_ => _budget.WindowPassed());
        Receive<AwaitConnected>(_ =>
        {
            if (_output is not null)
                Sender.Tell(new Connected(_path, _peer), Self);
            else
                _waiters.AddConnected(Sender);
        });
        Receive<AwaitListening>(_ =>
        {
            if (_role != SocketRole.Listener)
                Sender.Tell(new Status.Failure(new IpcSocketException(IpcErrorCode.InvalidStateError,
                    $"106: a {_role.ToString().ToLowerInvariant()} does not listen ({_path})", _path)), Self);
            else if (_listening)
                Sender.Tell(new Listening(_path), Self);
            else
                _waiters.AddListening(Sender);
        });
        Receive<GetSubscribers>(_ => Sender.Tell(new SubscriberList([.. _subscribers.Members]), Self));
        Receive<Terminated>(t =>
        {
            _subscribers.Forget(t.ActorRef);
        });
    }

    private void StartChild()
    {
        _incarnation++;
        var props = SocketActor.Props(_role, _path, _settings, [.. _subscribers.Members], _restarts, null);
        _child = Context.ActorOf(props, $"socket-{_incarnation}");
        Context.Watch(_child);
    }

    /// <summary>The old child (and its socket) is gone: restart after backoff, or give up.</summary>
    private void ChildGone()
    {
        _child = null;
        var failure = _failure ?? new SocketActorFailed(IpcErrorCode.None, "the socket actor stopped");
        _failure = null;
        if (!IsRecoverable(failure.Code))
        {
            GiveUp(failure.Code, $"error {(int)failure.Code} is not retried: {failure.Message}");
            return;
        }

        if (!_budget.TryNext(out var attempt, out var delay, out var windowOpened))
        {
            GiveUp(failure.Code, $"restart budget spent (akka.ipc.backoff.max-retries = {_settings.MaxRetries} within " +
                                 $"{SettingsReader.Format(_settings.RetryWindow)} without a connection); last error: {failure.Message}");
            return;
        }

        _restarts++;
        if (windowOpened)
            Timers.StartSingleTimer(RetryWindowTimer, RetryWindowPassed.Instance, _settings.RetryWindow);
        if (_settings.RestartLogLevel is { } level && _log.IsEnabled(level))
        {
            _log.Log(level, null,
                $"IPC socket {_path} ({_role}) restarting in {(long)delay.TotalMilliseconds} ms (attempt {attempt}) after error {(int)failure.Code}");
        }
        // The timer exists before anyone hears of the restart, so a test scheduler advanced on Restarting fires it.
        Timers.StartSingleTimer(RestartTimer, StartSocket.Instance, delay);
        Publish(new Restarting(attempt, delay, failure.Code));
        Become(Down);
    }

    private bool IsRecoverable(IpcErrorCode code) => code switch
    {
        IpcErrorCode.LostConnection or IpcErrorCode.OutOfMemoryError or IpcErrorCode.InvalidStateError or IpcErrorCode.None => true,
        IpcErrorCode.NameResolutionError => _role == SocketRole.Connector,
        _ => false,
    };

    private void GiveUp(IpcErrorCode cause, string message)
    {
        _log.Error("IPC socket {0} ({1}) gave up: {2}", _path, _role, message);
        _held.FailAll(cause, $"{(int)cause}: the link gave up before the socket connected: {message}", Self);
        _waiters.FailAll(new IpcSocketException(cause, message, _path), Self);
        Publish(new GaveUp(cause, message));
        Context.Stop(Self);
    }

    private void NeverReady() => Sender.Tell(new Status.Failure(new IpcSocketException(IpcErrorCode.InvalidStateError,
        $"106: the link is closing ({_path})", _path)), Self);

    private void NotNow(object command, string state) =>
        Sender.Tell(new CommandFailed(command, IpcErrorCode.InvalidStateError, $"106: the socket {state} ({_path})"), Self);

    private void Add(IActorRef subscriber) => _subscribers.Add(subscriber, Context);

    private void Remove(IActorRef subscriber) => _subscribers.Remove(subscriber, Context);

    private void Publish(object message) => _subscribers.Publish(message, Self);
}
