using Akka.Actor;
using Akka.Configuration;

// Two processes on one machine, over Akka.Remote on Unix domain sockets (no TCP port):
//   dotnet run --project examples/AkkaIpc.Remote.Example -- server          # akka.ipc://example@localhost:2552
//   dotnet run --project examples/AkkaIpc.Remote.Example -- client "hello"  # another process, a free port
// The configuration is hocon/remote-example.conf; the code is plain Akka.
var config = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "remote-example.conf")));
const string Server = "akka.ipc://example@localhost:2552";

if (args is ["server"])
{
    using var system = ActorSystem.Create("example", config);
    system.ActorOf(Props.Create(() => new Shouter()), "shouter");
    Console.WriteLine($"listening as {Server} (socket file /tmp/akka-ipc/localhost-2552.sock); Ctrl-C ends");
    var done = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
    await done.Task;
    await system.Terminate();
    return 0;
}

if (args is ["client", var text])
{
    using var system = ActorSystem.Create("example", ConfigurationFactory.ParseString("akka.remote.ipc.port = 0").WithFallback(config));
    var shouter = system.ActorSelection(Server + "/user/shouter");
    var reply = await shouter.Ask<string>(text, TimeSpan.FromSeconds(10));
    Console.WriteLine($"{Server} answered: {reply}");
    await system.Terminate();
    return 0;
}

Console.Error.WriteLine("usage: AkkaIpc.Remote.Example server | client <text>");
return 1;

/// <summary>Answers every string with it in capitals.</summary>
internal sealed class Shouter : ReceiveActor
{
    public Shouter() => Receive<string>(s => Sender.Tell(s.ToUpperInvariant()));
}
