namespace AkkaIpc.Internal;

/// <summary>
/// The id of an <see cref="Akka.Actor.Identify"/> that <see cref="ReceivedDelivery"/> tells the subscribers behind the
/// bytes it delivered; the <see cref="Akka.Actor.ActorIdentity"/> answer, sent to the socket actor, says the subscriber
/// has processed them.
/// </summary>
internal sealed record DeliveryProbe(long Sequence);
