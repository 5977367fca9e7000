using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>Ask: send a message and get the first reply as a task.</summary>
public static class Futures
{
    /// <summary>Asks; a null <paramref name="timeout"/> uses <c>akka.actor.ask-timeout</c> (infinite by default).</summary>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<object>(message, timeout, CancellationToken.None);

    /// <summary>Asks; cancelled when <paramref name="cancellationToken"/> is.</summary>
    public static Task<object> Ask(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<object>(message, null, cancellationToken);

    /// <summary>Asks with a timeout and a cancellation token.</summary>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        self.Ask<object>(message, timeout, cancellationToken);

    /// <summary>Asks and expects a reply of type <typeparamref name="T"/>.</summary>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<T>(message, timeout, CancellationToken.None);

    /// <summary>Asks and expects a reply of type <typeparamref name="T"/>; cancelled when <paramref name="cancellationToken"/> is.</summary>
    public static Task<T> Ask<T>(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<T>(message, null, cancellationToken);

    /// <summary>
    /// Asks and expects a reply of type <typeparamref name="T"/>. A <see cref="Status.Failure"/> reply faults the
    /// task with its cause, a reply of another type with <see cref="ArgumentException"/>, no reply in time with
    /// <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        self.Ask<T>(_ => message, timeout, cancellationToken);

    /// <summary>Asks with a message built from the temporary reply-to reference.</summary>
    public static async Task<T> Ask<T>(this ICanTell self, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var system = ActorSystemImpl.SystemOf(self) ?? ActorCell.Current?.System;
        var effective = timeout ?? system?.Settings.AskTimeout ?? Timeout.InfiniteTimeSpan;
        var path = system?.NewTempPath() ?? new RootActorPath(new Address("akka", "temp"), "temp");
        var promise = new PromiseActorRef(path);
        using var timer = effective > TimeSpan.Zero ? new CancellationTokenSource(effective) : null;
        using var onTimeout = timer?.Token.Register(
            () => promise.TrySetException(new AskTimeoutException($"Timeout after {effective} while waiting for a reply to an Ask of {self}")));
        using var onCancel = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(() => promise.TrySetCanceled(cancellationToken))
            : default;
        self.Tell(messageFactory(promise), promise);
        var reply = await promise.Result.ConfigureAwait(false);
        return reply switch
        {
            T typed when typeof(T) != typeof(object) || reply is not Status.Failure => typed,
            null => default,
            Status.Failure failure => throw failure.Cause,
            _ => throw new ArgumentException(
                $"Ask expected message of type {typeof(T).FullName} but received {reply.GetType().FullName}: {reply}"),
        };
    }
}
