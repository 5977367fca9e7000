using Akka.Actor;
using Akka.Hosting;
using AkkaIpc;
using AkkaIpc.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("echo", akka => akka
    .ConfigureLoggers(loggers => loggers.ClearLoggers().AddLoggerFactory())
    .WithActors((system, registry) => registry.Register<Echo>(system.ActorOf(Props.Create<Echo>(), "echo")))
    .WithIpc(ipc => ipc.Serve<EchoServer>(args.FirstOrDefault() ?? "/tmp/echo.sock", e => e.Subscriber = typeof(Echo))));
builder.Build().Run();

/// <summary>The registry key of the server socket (application code: <c>IRequiredActor&lt;EchoServer&gt;</c>).</summary>
internal sealed class EchoServer;

/// <summary>Subscribed to the server: answers every Received on the connection it came from.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo()
    {
        Receive<Received>(m => Sender.Tell(new Write(m.Data)));
        ReceiveAny(_ => { });   // Listening, PeerConnected, ...: events this example does not use
    }
}
