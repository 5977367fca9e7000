namespace AkkaIpc.Benchmarks;

internal static class ScaleClientPeer
{
    public static Task<int> RunAsync(string[] args) => throw new LayerMissingException("scale clients");
}
