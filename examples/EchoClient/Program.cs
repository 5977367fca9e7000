using Akka.Actor;
using Akka.Hosting;
using AkkaIpc;
using AkkaIpc.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("client", akka => akka
    .WithActors((system, registry) => registry.Register<Greeter>(system.ActorOf(Props.Create(() => new Greeter(args.ElementAtOrDefault(1) ?? "hello")))))
    .WithIpc(ipc => ipc.Connect<EchoLink>(args.FirstOrDefault() ?? "/tmp/echo.sock", e => e.Subscriber = typeof(Greeter))));
builder.Build().Run();

/// <summary>The registry key of the connector (application code: <c>IRequiredActor&lt;EchoLink&gt;</c>).</summary>
internal sealed class EchoLink;

/// <summary>Says its line once connected, prints the echo, and ends the process (ending the actor system stops the host).</summary>
internal sealed class Greeter : ReceiveActor
{
    public Greeter(string line)
    {
        Receive<Connected>(_ => Sender.Tell(Write.Text(line)));
        Receive<Received>(m =>
        {
            Console.WriteLine("echo: " + System.Text.Encoding.UTF8.GetString(m.Data.AsSpan()));
            CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        });
        ReceiveAny(_ => { });   // Closed and the other events this example does not use
    }
}
