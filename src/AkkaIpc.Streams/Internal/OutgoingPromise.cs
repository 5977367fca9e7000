using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Internal;

/// <summary>What an outgoing connection's logic needs beyond an accepted one's: how long to try, and whom to tell.</summary>
/// <param name="Timeout">Gives up connecting after this long; null waits as long as the listener's backlog is full.</param>
/// <param name="Promise">The materialized value: completed once connected, failed with the cause otherwise.</param>
internal sealed record OutgoingPromise(TimeSpan? Timeout, TaskCompletionSource<StreamTcp.OutgoingConnection> Promise);
