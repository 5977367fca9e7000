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

    [Fact]
    public void A_failed_creation_stays_registered_and_rethrows_the_same_failure()
    {
        using var system = ActorSystem.Create("extension-failing");

        var first = Assert.Throws<InvalidOperationException>(() => system.WithExtension<FailingExtension, FailingExtensionId>());
        var second = Assert.Throws<InvalidOperationException>(() => new FailingExtensionId().Apply(system));

        Assert.Same(first, second);
        Assert.True(system.HasExtension<FailingExtension>());
    }

    [Fact]
    public void Lookups_use_the_exact_extension_type_and_a_null_id_registers_nothing()
    {
        using var system = ActorSystem.Create("extension-lookup");
        new SampleExtensionId().Apply(system);

        Assert.Null(system.RegisterExtension(null));
        Assert.True(system.HasExtension(typeof(SampleExtension)));
        Assert.False(system.HasExtension(typeof(IExtension)));
        Assert.False(system.HasExtension(typeof(string)));
        Assert.Null(system.GetExtension<IExtension>());
    }

    private sealed class SampleExtension(ActorSystem system) : IExtension
    {
        public ActorSystem System { get; } = system;
    }

    private sealed class SampleExtensionId : ExtensionIdProvider<SampleExtension>
    {
        public override SampleExtension CreateExtension(ExtendedActorSystem system) => new(system);
    }

    private sealed class FailingExtension : IExtension
    {
    }

    private sealed class FailingExtensionId : ExtensionIdProvider<FailingExtension>
    {
        public override FailingExtension CreateExtension(ExtendedActorSystem system) =>
            throw new InvalidOperationException("this extension cannot start");
    }
}
