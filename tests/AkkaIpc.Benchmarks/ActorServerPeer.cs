namespace AkkaIpc.Benchmarks;

internal static class ActorServerPeer
{
    public static Task<int> RunAsync(string[] args) => throw new LayerMissingException("the actor layer's Serve (branch actors)");
}
