using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks;

/// <summary>The contenders of the layers that are not in this build yet: each fails loudly, none makes up a figure.</summary>
internal static class LayerContenders
{
    public static IRoundTripContender ActorRoundTrip() => throw new LayerMissingException("the actor layer (branch actors)");

    public static IStreamContender ActorBulk() => throw new LayerMissingException("the actor layer (branch actors)");

    public static IStreamContender ActorSmall() => throw new LayerMissingException("the actor layer (branch actors)");

    /// <summary>Peer mode <c>serve-actors</c>: the actor layer's Serve as the scale benchmark's server.</summary>
    public static Task<int> ServeActorsAsync(string[] args) => throw new LayerMissingException("the actor layer's Serve (branch actors)");
}
