using Akka.Event;

namespace Akka.Actor.Internal;

/// <summary>
/// Logs dead letters and unhandled messages at Info, up to <c>akka.log-dead-letters</c> of them. The
/// system subscribes it when creating it, so no dead letter published after start-up is missed.
/// </summary>
internal sealed class DeadLetterListener(int maxCount, bool duringShutdown) : ActorBase
{
    private int _count;

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    protected override bool Receive(object message)
    {
        if (message is not AllDeadLetters letter)
            return false;
        if (_count >= maxCount || (!duringShutdown && ((ActorSystemImpl)Context.System).IsTerminating))
            return true;
        _count++;
        var what = letter is UnhandledMessage ? "was unhandled" : "was not delivered";
        var tail = _count == maxCount ? ", no more dead letters will be logged" : string.Empty;
        var text = $"Message [{letter.Message.GetType().Name}] from {letter.Sender} to {letter.Recipient} {what}. " +
            $"[{_count}] dead letters encountered{tail}. This logging can be turned off or adjusted with " +
            "'akka.log-dead-letters' and 'akka.log-dead-letters-during-shutdown'.";
        Context.System.EventStream.Publish(new Info(letter.Recipient.Path.ToString(), typeof(DeadLetterListener), text));
        return true;
    }
}
