using System.Linq.Expressions;
using Akka.Actor;
using Akka.Actor.Internal;
using Akka.Configuration;
using Akka.Event;
using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <summary>
/// The test-framework-neutral TestKit: an actor system, a test actor whose received messages queue up
/// for the Expect/Receive calls, timing helpers and event filters. Derive from the xunit flavour
/// <c>Akka.TestKit.Xunit2.TestKit</c> in tests.
/// </summary>
public abstract partial class TestKitBase : IActorRefFactory
{
    private static readonly Lazy<Config> ReferenceConfig = new(() => ConfigurationFactory.ParseString(TestKitReferenceConfig.Text));
    private static readonly Lazy<Config> DebugConfig = new(() => ConfigurationFactory.ParseString(TestKitReferenceConfig.FullDebugText).WithFallback(ReferenceConfig.Value));
    private static int s_testActorCount;

    private readonly ITestKitAssertions _assertions;
    private readonly TestActorQueue _queue = new();
    private MessageEnvelope _lastEnvelope;
    private TimeSpan? _end;
    private bool _lastWasNoMsg;

    /// <summary>Creates the TestKit over <paramref name="system"/>, or over a new system named "test" when it is null.</summary>
    /// <param name="assertions">How failures are reported.</param>
    /// <param name="system">An existing system (its config gets the TestKit defaults as fallback for the timing keys), or null.</param>
    /// <param name="testActorName">The test actor's name; generated when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="assertions"/> is null.</exception>
    protected TestKitBase(ITestKitAssertions assertions, ActorSystem system = null, string testActorName = null)
        : this(assertions, system, null, null, testActorName)
    {
    }

    /// <summary>Creates the TestKit over a new actor system built from <paramref name="config"/> over <see cref="DefaultConfig"/>.</summary>
    /// <param name="assertions">How failures are reported.</param>
    /// <param name="config">The test's configuration; may be null.</param>
    /// <param name="actorSystemName">The system's name; "test" when null.</param>
    /// <param name="testActorName">The test actor's name; generated when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="assertions"/> is null.</exception>
    protected TestKitBase(ITestKitAssertions assertions, Config config, string actorSystemName = null, string testActorName = null)
        : this(assertions, null, config, actorSystemName, testActorName)
    {
    }

    private TestKitBase(ITestKitAssertions assertions, ActorSystem system, Config config, string actorSystemName, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        _assertions = assertions;
        Sys = system ?? ActorSystem.Create(actorSystemName ?? "test", config.SafeWithFallback(DefaultConfig));
        TestKitSettings = new TestKitSettings(Sys.Settings.Config.WithFallback(DefaultConfig));
        Log = Logging.GetLogger(Sys, GetType());

        var name = testActorName ?? "testActor" + Interlocked.Increment(ref s_testActorCount);
        var queue = _queue;
        TestActor = ((ExtendedActorSystem)Sys).SystemActorOf(Props.Create(() => new TestActor(queue)), name);

        // Lets someActor.Tell(msg) written in a test carry the test actor as sender, as in Akka.
        if (this is not INoImplicitSender)
            ImplicitSenderScope.Current = TestActor;
    }

    /// <summary>The TestKit's reference configuration: the <c>akka.test</c> timing defaults and the TestEventListener logger.</summary>
    public static Config DefaultConfig => ReferenceConfig.Value;

    /// <summary><see cref="DefaultConfig"/> with DEBUG logging and every <c>akka.actor.debug</c> switch on.</summary>
    public static Config FullDebugConfig => DebugConfig.Value;

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor whose received messages the Expect/Receive calls take, in arrival order.</summary>
    public IActorRef TestActor { get; }

    /// <summary>A logger with the test class as source.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>The timing settings in effect.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The sender of the message taken last (null before the first).</summary>
    public IActorRef LastSender => _lastEnvelope?.Sender;

    /// <summary>The message taken last (null before the first).</summary>
    public object LastMessage => _lastEnvelope?.Message;

    /// <summary>True when the test actor has queued messages not taken yet.</summary>
    public bool HasMessages => _queue.Count > 0;

    /// <summary>Creates event filters over this system's log events.</summary>
    public EventFilterFactory EventFilter => new(this);

    /// <summary>Inside <c>Within</c>: the time left in the block; otherwise the dilated <c>single-expect-default</c>.</summary>
    public TimeSpan RemainingOrDefault => RemainingOr(Dilated(TestKitSettings.SingleExpectDefault));

    /// <summary>The time left in the innermost <c>Within</c> block.</summary>
    /// <exception cref="InvalidOperationException">Called outside <c>Within</c>.</exception>
    public TimeSpan Remaining =>
        _end.HasValue ? Max(_end.Value - MonotonicClock.Now, TimeSpan.Zero) : throw new InvalidOperationException("Remaining may not be called outside of Within");

    internal ITestKitAssertions TestKitAssertions => _assertions;

    internal TestActorQueue Queue => _queue;

    /// <summary>Scales <paramref name="duration"/> by <c>akka.test.timefactor</c>; infinite stays infinite.</summary>
    /// <param name="duration">The nominal duration.</param>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TestTimeFactor));

    /// <summary>Creates a top-level actor.</summary>
    /// <param name="props">The actor's recipe.</param>
    public IActorRef ActorOf(Props props) => Sys.ActorOf(props);

    /// <summary>Creates a named top-level actor.</summary>
    /// <param name="props">The actor's recipe.</param>
    /// <param name="name">The actor's name.</param>
    public IActorRef ActorOf(Props props, string name) => Sys.ActorOf(props, name);

    /// <summary>Creates a top-level actor of a type with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    public IActorRef ActorOf<TActor>()
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>());

    /// <summary>Creates a named top-level actor of a type with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="name">The actor's name.</param>
    public IActorRef ActorOf<TActor>(string name)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    /// <summary>Creates a top-level actor from a <c>() => new TActor(...)</c> expression.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="factory">The constructor call; its arguments are evaluated once.</param>
    public IActorRef ActorOf<TActor>(Expression<Func<TActor>> factory)
        where TActor : ActorBase => Sys.ActorOf(Props.Create(factory));

    /// <summary>Creates a named top-level actor from a <c>() => new TActor(...)</c> expression.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="factory">The constructor call; its arguments are evaluated once.</param>
    /// <param name="name">The actor's name.</param>
    public IActorRef ActorOf<TActor>(Expression<Func<TActor>> factory, string name)
        where TActor : ActorBase => Sys.ActorOf(Props.Create(factory), name);

    /// <summary>Creates a test probe in <see cref="Sys"/>.</summary>
    /// <param name="name">The probe actor's name; generated when null.</param>
    public virtual TestProbe CreateTestProbe(string name = null) => CreateTestProbe(Sys, name);

    /// <summary>Creates a test probe in <paramref name="system"/>.</summary>
    /// <param name="system">The system the probe lives in.</param>
    /// <param name="name">The probe actor's name; generated when null.</param>
    public virtual TestProbe CreateTestProbe(ActorSystem system, string name = null) => new(system, _assertions, name);

    /// <summary>Makes the test actor watch <paramref name="actorToWatch"/>; returns once the watch is registered.</summary>
    /// <param name="actorToWatch">The actor whose <see cref="Terminated"/> should reach the queue.</param>
    /// <returns><paramref name="actorToWatch"/>.</returns>
    /// <exception cref="TimeoutException">The test actor did not register the watch within the default timeout.</exception>
    public IActorRef Watch(IActorRef actorToWatch) => WatchAsync(actorToWatch).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="Watch"/>.</summary>
    /// <param name="actorToWatch">The actor whose <see cref="Terminated"/> should reach the queue.</param>
    public async Task<IActorRef> WatchAsync(IActorRef actorToWatch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new WatchSubject(actorToWatch, done), ActorRefs.NoSender);
        await AwaitTestActorAsync(done.Task, "watch").ConfigureAwait(false);
        return actorToWatch;
    }

    /// <summary>Makes the test actor stop watching <paramref name="actorToUnwatch"/>; returns once it has.</summary>
    /// <param name="actorToUnwatch">The watched actor.</param>
    /// <returns><paramref name="actorToUnwatch"/>.</returns>
    /// <exception cref="TimeoutException">The test actor did not process the request within the default timeout.</exception>
    public IActorRef Unwatch(IActorRef actorToUnwatch) => UnwatchAsync(actorToUnwatch).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="Unwatch"/>.</summary>
    /// <param name="actorToUnwatch">The watched actor.</param>
    public async Task<IActorRef> UnwatchAsync(IActorRef actorToUnwatch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new UnwatchSubject(actorToUnwatch, done), ActorRefs.NoSender);
        await AwaitTestActorAsync(done.Task, "unwatch").ConfigureAwait(false);
        return actorToUnwatch;
    }

    /// <summary>Makes the test actor drop messages of type <typeparamref name="TMsg"/> instead of queueing them.</summary>
    /// <typeparam name="TMsg">The message type to ignore.</typeparam>
    public void IgnoreMessages<TMsg>() => IgnoreMessages(message => message is TMsg);

    /// <summary>Makes the test actor drop <typeparamref name="TMsg"/> messages matching <paramref name="shouldIgnoreMessage"/>.</summary>
    /// <typeparam name="TMsg">The message type to consider.</typeparam>
    /// <param name="shouldIgnoreMessage">Returns true for messages to drop.</param>
    public void IgnoreMessages<TMsg>(Func<TMsg, bool> shouldIgnoreMessage)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnoreMessage);
        IgnoreMessages(message => message is TMsg typed && shouldIgnoreMessage(typed));
    }

    /// <summary>Makes the test actor drop messages matching <paramref name="shouldIgnoreMessage"/> instead of queueing them.</summary>
    /// <param name="shouldIgnoreMessage">Returns true for messages to drop.</param>
    public void IgnoreMessages(Func<object, bool> shouldIgnoreMessage) => SetIgnoreAndWait(shouldIgnoreMessage);

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => SetIgnoreAndWait(null);

    /// <summary>
    /// Terminates <see cref="Sys"/> and waits up to <paramref name="duration"/> (default min(dilated 5 s, 10 s)).
    /// </summary>
    /// <param name="duration">The wait bound.</param>
    /// <param name="verifySystemShutdown">Whether a slow shutdown throws instead of logging a warning.</param>
    /// <exception cref="TimeoutException">The system did not terminate in time and <paramref name="verifySystemShutdown"/> is set.</exception>
    public virtual void Shutdown(TimeSpan? duration = null, bool verifySystemShutdown = false) =>
        Shutdown(Sys, duration, verifySystemShutdown);

    /// <summary>Terminates <paramref name="system"/> and waits up to <paramref name="duration"/> (default min(dilated 5 s, 10 s)).</summary>
    /// <param name="system">The system to terminate.</param>
    /// <param name="duration">The wait bound.</param>
    /// <param name="verifySystemShutdown">Whether a slow shutdown throws instead of logging a warning.</param>
    /// <exception cref="TimeoutException">The system did not terminate in time and <paramref name="verifySystemShutdown"/> is set.</exception>
    protected virtual void Shutdown(ActorSystem system, TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
        ArgumentNullException.ThrowIfNull(system);
        var wait = duration ?? Min(Dilated(TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(10));
        var terminated = system.Terminate().Wait(wait);
        if (terminated)
            return;
        var message = $"Failed to stop [{system.Name}] within [{wait}]";
        if (verifySystemShutdown)
            throw new TimeoutException(message);
        system.Log.Warning(message);
    }

    private void SetIgnoreAndWait(Func<object, bool> shouldIgnore)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new SetIgnore(shouldIgnore, done), ActorRefs.NoSender);
        AwaitTestActorAsync(done.Task, "ignore").GetAwaiter().GetResult();
    }

    private async Task AwaitTestActorAsync(Task done, string what)
    {
        var bound = Dilated(TestKitSettings.DefaultTimeout);
        if (await Task.WhenAny(done, Task.Delay(bound)).ConfigureAwait(false) != done)
            throw new TimeoutException($"The test actor did not process the {what} request within {bound}");
    }

    /// <summary>Inside <c>Within</c>: the time left in the block; otherwise <paramref name="duration"/>.</summary>
    /// <param name="duration">The wait outside <c>Within</c>.</param>
    protected TimeSpan RemainingOr(TimeSpan duration) =>
        _end.HasValue ? Max(_end.Value - MonotonicClock.Now, TimeSpan.Zero) : duration;

    /// <summary>The wait of an Expect call: the dilated <paramref name="duration"/>, else <see cref="RemainingOrDefault"/>.</summary>
    /// <param name="duration">An explicit timeout, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="duration"/> is negative (other than infinite).</exception>
    public TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        if (!duration.HasValue)
            return RemainingOrDefault;
        if (duration.Value < TimeSpan.Zero && duration.Value != Timeout.InfiniteTimeSpan)
            throw new ArgumentException($"Timeout must not be negative, was {duration.Value}", nameof(duration));
        return Dilated(duration.Value);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
