using Akka.Actor;
using Akka.Event;
using Akka.Hosting;

namespace AkkaIpc.Hosting.Internal;

/// <summary>
/// Starts the declared endpoints when the actor system is up and registers each under its key. Closing them is the
/// Ipc extension's own: CoordinatedShutdown's service-unbind phase closes every link still open.
/// </summary>
internal static class IpcEndpoints
{
    public static void Start(ActorSystem system, IActorRegistry registry, IReadOnlyList<IpcEndpointOptions> endpoints)
    {
        var ipc = system.Ipc();
        foreach (var endpoint in endpoints)
        {
            var settings = endpoint.Framing is { } framing ? ipc.Settings.Socket.WithFraming(framing) : null;
            var subscriber = endpoint.Subscriber is { } type ? Subscriber(registry, endpoint, type) : null;
            var socket = endpoint.Role switch
            {
                SocketRole.Listener => ipc.Listen(endpoint.Path, subscriber, settings, endpoint.ActorName),
                SocketRole.Connector => ipc.Connect(endpoint.Path, subscriber, settings, endpoint.ActorName),
                _ => ipc.Serve(endpoint.Path, subscriber, settings, endpoint.ActorName),
            };
            if (!registry.TryRegister(endpoint.Key, socket))
            {
                throw new DuplicateActorRegistryException(
                    $"the {endpoint} cannot be registered under {endpoint.Key}: another actor already is");
            }

            system.Log.Info("AkkaIpc: {0} started as {1}, registered under {2}", endpoint, socket.Path, endpoint.Key.Name);
        }
    }

    private static IActorRef Subscriber(IActorRegistry registry, IpcEndpointOptions endpoint, Type type) =>
        registry.TryGet(type, out var subscriber)
            ? subscriber
            : throw new MissingActorRegistryEntryException(
                $"the subscriber of the {endpoint}, {type}, is not in the ActorRegistry: register it with WithActors " +
                "called before WithIpc");
}
