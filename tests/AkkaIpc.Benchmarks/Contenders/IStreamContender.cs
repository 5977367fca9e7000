namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>A side under test for one-direction throughput, sending phases to a <see cref="RawSinkPeer"/> it starts itself.</summary>
internal interface IStreamContender : IAsyncDisposable
{
    /// <summary>The layer's part of the result name, e.g. <c>raw-uds</c>.</summary>
    string Layer { get; }

    /// <summary>Starts the sink peer and connects.</summary>
    Task StartAsync();

    /// <summary>Sends one phase of <paramref name="writes"/> writes (64 KiB or 32 bytes each) and completes when the sink has all of it.</summary>
    ValueTask PhaseAsync(long writes);
}
