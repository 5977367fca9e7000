namespace Akka.Actor;

/// <summary>A message together with its sender, as stored in a mailbox or a stash.</summary>
public readonly struct Envelope
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The sender, or null for none.</param>
    public Envelope(object message, IActorRef sender)
    {
        Message = message;
        Sender = sender;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>The sender; null when sent without one.</summary>
    public IActorRef Sender { get; }

    /// <inheritdoc />
    public override string ToString() => $"<{Message}> from {Sender?.ToString() ?? "NoSender"}";
}
