using System.Collections.Concurrent;
using Akka.Configuration;
using Akka.Event;

namespace Akka.Actor.Internal;

/// <summary>
/// The actor system: root, <c>/user</c> and <c>/system</c> guardians, dead letters, scheduler, event
/// stream, loggers and extensions. Termination: <c>/user</c> stops top-down, then <c>/system</c> (with the
/// loggers), then the scheduler; then the termination callbacks run and <see cref="WhenTerminated"/> completes.
/// </summary>
internal sealed partial class ActorSystemImpl : ExtendedActorSystem
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<Action> _onTermination = new();
    private readonly SystemScheduler _scheduler;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ActorPath _tempPath;
    private long _tempCounter;
    private int _terminating;

    public ActorSystemImpl(string name, Config config)
    {
        Name = name;
        Settings = new Settings(this, config);
        EventStream = new EventStream();
        EventStream.SetLogLevel(Logging.LogLevelFor(Settings.LogLevel));
        Log = Logging.GetLogger(this, $"ActorSystem({name})");
        _scheduler = new SystemScheduler(e => Log.Error(e, "A scheduled action threw"));
        var root = new RootActorPath(new Address("akka", name));
        var rootRef = new RootGuardianRef(this, root);
        DeadLetters = new DeadLetterActorRef(this, root / "deadLetters");
        _tempPath = root / "temp";
        var guardianProps = Props.Create<GuardianActor>().WithSupervisorStrategy(SupervisorStrategy.DefaultStrategy);
        _userGuardian = new ActorCell(this, rootRef, root / "user", guardianProps, systemService: false);
        _systemGuardian = new ActorCell(this, rootRef, root / "system", guardianProps, systemService: true);
    }

    public override string Name { get; }

    public override Settings Settings { get; }

    public override IScheduler Scheduler => _scheduler;

    public override EventStream EventStream { get; }

    public override ILoggingAdapter Log { get; }

    public override IActorRef DeadLetters { get; }

    public override IActorRef Guardian => _userGuardian.Self;

    public override IActorRef SystemGuardian => _systemGuardian.Self;

    public override Task WhenTerminated => _terminated.Task;

    internal bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    public void Start()
    {
        _userGuardian.Start();
        _systemGuardian.Start();
        StartLoggers();
        var listener = SystemActorOf(Props.Create(() => new DeadLetterListener(Settings.LogDeadLetters, Settings.LogDeadLettersDuringShutdown)), "deadLetterListener");
        EventStream.Subscribe(listener, typeof(DeadLetter));
        EventStream.Subscribe(listener, typeof(UnhandledMessage));
        LoadConfiguredExtensions();
    }

    public override IActorRef ActorOf(Props props, string name = null) => _userGuardian.AttachChild(props, name, systemService: false);

    public override IActorRef SystemActorOf(Props props, string name = null) => _systemGuardian.AttachChild(props, name, systemService: true);

    public override IActorRef SystemActorOf<TActor>(string name = null) => SystemActorOf(Props.Create<TActor>(), name);

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        (actor as IInternalActorRef)?.Stop();
    }

    public override Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
            _userGuardian.Self.Stop();
        return WhenTerminated;
    }

    public override void RegisterOnTermination(Action code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _onTermination.Enqueue(code);
        if (_terminated.Task.IsCompleted)
            RunTerminationCallbacks();
    }

    /// <summary>
    /// The system <paramref name="actor"/> lives in, following parents through wrappers such as test probes;
    /// null for refs without a system (Nobody).
    /// </summary>
    internal static ActorSystemImpl SystemOf(ICanTell actor)
    {
        for (var depth = 0; depth < 8 && actor is not null; depth++)
        {
            switch (actor)
            {
                case LocalActorRef local:
                    return local.Cell.System;
                case IInternalActorRef wrapper when !ReferenceEquals(wrapper.Parent, wrapper):
                    actor = wrapper.Parent;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A temporary path under <c>/temp</c> for Ask and GracefulStop.</summary>
    internal ActorPath NewTempPath() => new ChildActorPath(_tempPath, "$" + Interlocked.Increment(ref _tempCounter), 0);

    internal void GuardianTerminated(IActorRef guardian)
    {
        if (guardian.Equals(_userGuardian.Self))
        {
            Interlocked.Exchange(ref _terminating, 1);
            _systemGuardian.Self.Stop();
        }
        else if (guardian.Equals(_systemGuardian.Self))
        {
            _scheduler.Stop();
            RunTerminationCallbacks();
            _terminated.TrySetResult();
        }
    }

    /// <summary>Publishes an undeliverable message on the event stream.</summary>
    internal void PublishDeadLetter(object message, IActorRef sender, IActorRef recipient)
    {
        switch (message)
        {
            case null:
            case LogEvent:
                // Log events to a dead logger would only produce more log events.
                return;
            case DeadLetter deadLetter when recipient == DeadLetters:
                EventStream.Publish(deadLetter);
                return;
            case AllDeadLetters:
                // A dead-letter event that could not be delivered must not loop back into the stream.
                return;
            case IDeadLetterSuppression:
                EventStream.Publish(new SuppressedDeadLetter(message, sender ?? DeadLetters, recipient));
                return;
            default:
                EventStream.Publish(new DeadLetter(message, sender ?? DeadLetters, recipient));
                return;
        }
    }

    private void RunTerminationCallbacks()
    {
        while (_onTermination.TryDequeue(out var code))
        {
            try
            {
                code();
            }
            catch (Exception e)
            {
                // A failing callback must not prevent the others or the completion of WhenTerminated.
                Console.Error.WriteLine($"[ERROR] ActorSystem({Name}) termination callback threw: {e}");
            }
        }
    }
}
