using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

/// <summary>Creates a uniquely named actor system per test; dispose it at the end of the test.</summary>
internal static class Sys
{
    public static ActorSystem Create(string hocon = "")
    {
        var name = "spec-" + Guid.NewGuid().ToString("N")[..8];
        return ActorSystem.Create(name, Akka.Configuration.ConfigurationFactory.ParseString(hocon));
    }
}
