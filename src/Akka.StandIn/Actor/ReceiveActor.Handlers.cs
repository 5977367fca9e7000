namespace Akka.Actor;

public abstract partial class ReceiveActor
{
    /// <summary>Handles messages of type <typeparamref name="T"/> (for which <paramref name="shouldHandle"/> holds).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(m =>
        {
            if (m is not T t || (shouldHandle is not null && !shouldHandle(t)))
                return false;
            handler(t);
            return true;
        });
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> holds.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>; false means "not handled, try the next".</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(m => m is T t && handler(t));
    }

    /// <summary>Handles messages assignable to <paramref name="messageType"/>.</summary>
    protected void Receive(Type messageType, Action<object> handler, Predicate<object> shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(m =>
        {
            if (!messageType.IsInstanceOfType(m) || (shouldHandle is not null && !shouldHandle(m)))
                return false;
            handler(m);
            return true;
        });
    }

    /// <summary>Handles messages assignable to <paramref name="messageType"/> for which <paramref name="shouldHandle"/> holds.</summary>
    protected void Receive(Type messageType, Predicate<object> shouldHandle, Action<object> handler) =>
        Receive(messageType, handler, shouldHandle);

    /// <summary>Offers messages assignable to <paramref name="messageType"/> to <paramref name="handler"/>.</summary>
    protected void Receive(Type messageType, Func<object, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(m => messageType.IsInstanceOfType(m) && handler(m));
    }

    /// <summary>Handles every message not handled before; must be the last handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(
            m =>
            {
                handler(m);
                return true;
            },
            catchAll: true);
    }

    /// <summary>Handles <typeparamref name="T"/> asynchronously; other messages wait until the task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T> shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Receive<T>(t => RunTask(() => handler(t)), shouldHandle);
    }

    /// <summary>Handles <typeparamref name="T"/> asynchronously when <paramref name="shouldHandle"/> holds.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => ReceiveAsync(handler, shouldHandle);

    /// <summary>Handles messages assignable to <paramref name="messageType"/> asynchronously.</summary>
    protected void ReceiveAsync(Type messageType, Func<object, Task> handler, Predicate<object> shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Receive(messageType, m => RunTask(() => handler(m)), shouldHandle);
    }

    /// <summary>Handles every remaining message asynchronously; must be the last handler.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ReceiveAny(m => RunTask(() => handler(m)));
    }
}
