using Akka.Actor;
using Akka.Event;
using Akka;
using Akka.Hosting;

namespace AkkaIpc.Hosting.Internal;

/// <summary>
/// Starts the declared endpoints when the actor system is up, registers each under its key, and closes them all in
/// CoordinatedShutdown's service-stop phase: Close lets queued bytes drain (up to close-timeout) and makes listeners
/// and servers remove their socket files before the ref stops, which this waits for.
/// </summary>
internal static class IpcEndpoints
{
    public static void Start(ActorSystem system, IActorRegistry registry, IReadOnlyList<IpcEndpointOptions> endpoints)
    {
        if (endpoints.Count == 0)
            return;

        var ipc = system.Ipc();
        var started = new List<IActorRef>(endpoints.Count);
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
            started.Add(socket);
            if (!registry.TryRegister(endpoint.Key, socket))
            {
                throw new DuplicateActorRegistryException(
                    $"the {endpoint} cannot be registered under " +
                    $"{endpoint.Key}: another actor already is");
            }

            system.Log.Info("AkkaIpc: {0} started as {1}, registered under {2}", endpoint, socket.Path, endpoint.Key.Name);
        }

        var closeTimeout = ipc.Settings.Socket.CloseTimeout;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, "close-ipc-endpoints",
            async () =>
            {
                await Task.WhenAll(started.Select(socket => CloseOne(system, socket, closeTimeout))).ConfigureAwait(false);
                return Done.Instance;
            });
    }

    private static IActorRef Subscriber(IActorRegistry registry, IpcEndpointOptions endpoint, Type type) =>
        registry.TryGet(type, out var subscriber)
            ? subscriber
            : throw new MissingActorRegistryEntryException(
                $"the subscriber of the {endpoint}, {type}, is not " +
                "in the ActorRegistry: register it with WithActors called before WithIpc");

    private static async Task CloseOne(ActorSystem system, IActorRef socket, TimeSpan closeTimeout)
    {
        try
        {
            // A ref that already stopped (gave up, or closed by the application) counts as closed at once.
            await socket.GracefulStop(closeTimeout + TimeSpan.FromSeconds(1), AkkaIpc.Close.Instance).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TaskCanceledException or AskTimeoutException)
        {
            system.Log.Warning("AkkaIpc: {0} did not close within {1}; the actor system's termination stops it", socket.Path, closeTimeout);
        }
    }
}
