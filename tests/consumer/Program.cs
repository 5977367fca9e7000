using Akka.Actor;
using Akka.Hosting;
using AkkaIpc;
using AkkaIpc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Serves the socket path args[0] through WithIpc in a generic host, prints what it gets, and ends after the first message.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Services.AddAkka("consumer", akka => akka
    .WithActors((system, registry) => registry.Register<Printer>(system.ActorOf(Props.Create<Printer>(), "printer")))
    .WithIpc(ipc => ipc.Serve<Inbox>(args[0], e =>
    {
        e.Subscriber = typeof(Printer);
        e.Framing = IpcFraming.Raw;   // the client is `akka-ipc send`, which writes raw bytes
    })));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("Registered: " + host.Services.GetRequiredService<IRequiredActor<Inbox>>().ActorRef.Path);
await host.WaitForShutdownAsync();
return 0;

/// <summary>The server's registry key.</summary>
internal sealed class Inbox;

/// <summary>Prints Listening and the first Received, then shuts the host down (which removes the socket file).</summary>
internal sealed class Printer : ReceiveActor
{
    public Printer()
    {
        Receive<Listening>(m => Console.WriteLine("Listening: " + m.Path));
        Receive<Received>(m =>
        {
            Console.WriteLine("Received: " + System.Text.Encoding.UTF8.GetString(m.Data.AsSpan()));
            CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        });
        ReceiveAny(_ => { });   // PeerConnected, PeerDisconnected, Closed: not needed here
    }
}
