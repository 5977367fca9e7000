using System.Text.RegularExpressions;
using Akka.Actor.Internal;
using Akka.Configuration;
using Akka.Event;

namespace Akka.Actor;

/// <summary>
/// A hierarchy of actors with shared configuration, scheduler, event stream and extensions. Create one
/// with <see cref="Create(string, Config)"/>; dispose or <see cref="Terminate"/> it when done.
/// </summary>
public abstract partial class ActorSystem : IActorRefFactory, IDisposable
{
    private static readonly Regex ValidName = new("^[a-zA-Z0-9][a-zA-Z0-9-]*$", RegexOptions.Compiled);
    private readonly long _startTicks = Environment.TickCount64;

    /// <summary>Creates a system with the built-in defaults.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> does not match <c>^[a-zA-Z0-9][a-zA-Z0-9-]*$</c>.</exception>
    public static ActorSystem Create(string name) => Create(name, ConfigurationFactory.Load());

    /// <summary>Creates a system; <paramref name="config"/> is placed in front of the built-in defaults.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> does not match <c>^[a-zA-Z0-9][a-zA-Z0-9-]*$</c>.</exception>
    public static ActorSystem Create(string name, Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (name is null || !ValidName.IsMatch(name))
        {
            throw new ArgumentException(
                $"invalid ActorSystem name [{name}], must contain only word characters (i.e. [a-zA-Z0-9] plus non-leading '-')",
                nameof(name));
        }

        var system = new ActorSystemImpl(name, config.WithFallback(DefaultConfig.Value));
        system.Start();
        return system;
    }

    private static readonly Lazy<Config> DefaultConfig =
        new(() => ConfigurationFactory.FromResource("Akka.Resources.akka.conf", typeof(ActorSystem).Assembly));

    /// <summary>The system's name.</summary>
    public abstract string Name { get; }

    /// <summary>The settings, including the merged configuration.</summary>
    public abstract Settings Settings { get; }

    /// <summary>The scheduler.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>The event stream (logging, dead letters, custom events).</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>A logger with the system as source.</summary>
    public abstract ILoggingAdapter Log { get; }

    /// <summary>The dead-letters reference.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>Completes when the system has terminated.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Time since the system started.</summary>
    public TimeSpan Uptime => TimeSpan.FromMilliseconds(Environment.TickCount64 - _startTicks);

    /// <inheritdoc />
    public abstract IActorRef ActorOf(Props props, string name = null);

    /// <summary>Stops <paramref name="actor"/> asynchronously; queued messages become dead letters.</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>
    /// Stops the <c>/user</c> tree top-down (children's PostStop before their parents'), then the system
    /// actors and the scheduler. Safe to call twice; the task completes like <see cref="WhenTerminated"/>.
    /// </summary>
    public abstract Task Terminate();

    /// <summary>Runs <paramref name="code"/> once the system has terminated (at once if it already has).</summary>
    public abstract void RegisterOnTermination(Action code);

    /// <summary>Terminates the system and waits for it.</summary>
    public void Dispose()
    {
        var terminated = Terminate();
        // Waiting inside one of the system's own actors would deadlock the shutdown it waits for.
        if (ActorCell.Current is null)
            terminated.Wait();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"akka://{Name}";
}
