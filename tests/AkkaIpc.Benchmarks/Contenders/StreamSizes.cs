namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>The write sizes of the one-direction benchmarks.</summary>
internal static class StreamSizes
{
    public const int BulkChunk = 64 * 1024;

    public const int SmallMessage = 32;
}
