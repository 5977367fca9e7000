using Akka.Actor;

namespace Akka.StandIn.Tests.Actor;

/// <summary>Extension registration as in Akka 1.5: Get only looks up, Apply/RegisterExtension/WithExtension register once.</summary>
public sealed class ExtensionSpec
{
    [Fact]
    public void Get_does_not_register_and_returns_null_until_the_extension_is_applied()
    {
        using var system = ActorSystem.Create("extension-get");
        var id = new SampleExtensionId();

        Assert.Null(id.Get(system));
        Assert.False(system.HasExtension<SampleExtension>());

        var applied = id.Apply(system);

        Assert.NotNull(applied);
        Assert.Same(applied, id.Get(system));
        Assert.True(system.HasExtension<SampleExtension>());
    }

    [Fact]
    public void Every_way_of_registering_yields_the_one_instance_per_system()
    {
        using var system = ActorSystem.Create("extension-once");
        using var other = ActorSystem.Create("extension-other");

        var viaWith = system.WithExtension<SampleExtension, SampleExtensionId>();
        var viaRegister = system.RegisterExtension(new SampleExtensionId());
        var viaApply = new SampleExtensionId().Apply(system);

        Assert.Same(viaWith, viaRegister);
        Assert.Same(viaWith, viaApply);
        Assert.Same(system, viaWith.System);
        Assert.Same(viaWith, system.GetExtension<SampleExtension>());
        Assert.NotSame(viaWith, new SampleExtensionId().Apply(other));
    }

    private sealed class SampleExtension(ActorSystem system) : IExtension
    {
        public ActorSystem System { get; } = system;
    }

    private sealed class SampleExtensionId : ExtensionIdProvider<SampleExtension>
    {
        public override SampleExtension CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
