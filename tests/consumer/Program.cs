using Akka.Actor;
using Akka.Hosting;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaIpc;
using AkkaIpc.Hosting;
using AkkaIpc.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Serves the socket path args[0] through WithIpc in a generic host and prints what it gets; once listening, it also
// sends a line to its own server through an Akka.Streams flow over the same path. Ends after two messages: the
// stream's and one from outside (.ci/packages sends it with the installed tool).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Services.AddAkka("consumer", akka => akka
    .WithActors((system, registry) => registry.Register<Printer>(system.ActorOf(Props.Create<Printer>(), "printer")))
    .WithIpc(ipc => ipc.Serve<Inbox>(args[0], e =>
    {
        e.Subscriber = typeof(Printer);
        e.Framing = IpcFraming.Raw;   // the clients write raw bytes: `akka-ipc send` and the stream below
    })));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("Registered: " + host.Services.GetRequiredService<IRequiredActor<Inbox>>().ActorRef.Path);

await Printer.IsListening.Task;
var system = host.Services.GetRequiredService<ActorSystem>();
await Source.Single(ByteString.FromString("hello from a stream"))
    .Via(system.IpcStream().OutgoingConnection(args[0], halfClose: false))
    .RunWith(Sink.Ignore<ByteString>(), system.Materializer());
Console.WriteLine("Stream: sent");

await host.WaitForShutdownAsync();
return 0;

/// <summary>The server's registry key.</summary>
internal sealed class Inbox;

/// <summary>Prints Listening and every Received; shuts the host down (which removes the socket file) after two.</summary>
internal sealed class Printer : ReceiveActor
{
    public static readonly TaskCompletionSource IsListening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _received;

    public Printer()
    {
        Receive<Listening>(m =>
        {
            Console.WriteLine("Listening: " + m.Path);
            IsListening.TrySetResult();
        });
        Receive<Received>(m =>
        {
            Console.WriteLine("Received: " + System.Text.Encoding.UTF8.GetString(m.Data.AsSpan()));
            if (++_received == 2) CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        });
        ReceiveAny(_ => { });   // PeerConnected, PeerDisconnected, Closed: not needed here
    }
}
