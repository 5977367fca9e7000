using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class ExtensionSpec
{
    [Fact]
    public void Get_does_not_register_and_Apply_registers_once()
    {
        using var system = Sys.Create();
        var id = new CounterExtensionId();

        Assert.Null(id.Get(system));
        var first = id.Apply(system);
        var second = system.WithExtension<CounterExtension, CounterExtensionId>();

        Assert.Same(first, second);
        Assert.Same(first, id.Get(system));
        Assert.Same(first, system.GetExtension<CounterExtension>());
        Assert.True(system.HasExtension<CounterExtension>());
        Assert.Equal(system.Name, first.SystemName);
    }

    [Fact]
    public void Extensions_listed_in_akka_extensions_are_registered_at_start_up()
    {
        var name = typeof(CounterExtensionId).AssemblyQualifiedName;
        using var system = Sys.Create($"akka.extensions = [\"{name}\"]");

        Assert.True(system.TryGetExtension<CounterExtension>(out var extension));
        Assert.NotNull(extension);
    }

    public sealed class CounterExtension(string systemName) : IExtension
    {
        public string SystemName { get; } = systemName;
    }

    public sealed class CounterExtensionId : ExtensionIdProvider<CounterExtension>
    {
        public override CounterExtension CreateExtension(ExtendedActorSystem system) => new(system.Name);
    }
}
