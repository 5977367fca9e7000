using Akka.Actor;
using Akka.Configuration;

namespace AkkaIpc.Benchmarks;

/// <summary>The actor systems of the benchmark: a run's output is its figures, so Akka's Info lines (coordinated
/// shutdown, dead letters while a system shuts down) are left out; warnings and errors still show.</summary>
internal static class BenchSystem
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("akka.loglevel = WARNING");

    public static ActorSystem Create(string name, Config? config = null) =>
        ActorSystem.Create(name, config is null ? Quiet : Quiet.WithFallback(config));
}
