namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>A side under test for round-trip latency, talking to a <see cref="RawEchoPeer"/> it starts itself.</summary>
internal interface IRoundTripContender : IAsyncDisposable
{
    /// <summary>The layer's part of the result name, e.g. <c>raw-uds</c>.</summary>
    string Layer { get; }

    /// <summary>Starts the echo peer and connects; <paramref name="size"/> is the message size of every round trip.</summary>
    Task StartAsync(int size);

    /// <summary>Runs <paramref name="count"/> round trips one after another, recording each.</summary>
    ValueTask RunAsync(int count, LatencyRecorder recorder);
}
