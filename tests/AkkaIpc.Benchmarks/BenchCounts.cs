namespace AkkaIpc.Benchmarks;

/// <summary>
/// How much work each benchmark does; <c>--quick</c> shrinks everything for the CI smoke run. <see cref="Rounds"/>
/// is how many interleaved slices the measured work of competing contenders is cut into; the scale benchmark's
/// sustained phase (<see cref="ScalePacedDuration"/> in all) has its own <see cref="ScalePacedRounds"/>.
/// </summary>
internal sealed record BenchCounts(
    TimeSpan Warmup,
    int Rounds,
    int RoundTrips,
    long BulkBytes,
    int SmallMessages,
    int ScaleRoundTripsPerClient,
    TimeSpan ScaleWarmup,
    TimeSpan ScalePacedWarmup,
    TimeSpan ScalePacedDuration,
    int ScalePacedRounds,
    int RuntimeTells,
    int RuntimePingPongs)
{
    /// <summary>
    /// Full mode. The warm-up is by time, not by count: tiered compilation promotes a method only after
    /// its call counting has been quiet for 100 ms, so a fixed count says nothing on a loaded machine.
    /// </summary>
    public static BenchCounts FullCounts { get; } = new(
        Warmup: TimeSpan.FromSeconds(2),
        Rounds: 10,
        RoundTrips: 50_000,
        BulkBytes: 1L << 30,
        SmallMessages: 2_000_000,
        ScaleRoundTripsPerClient: 200,
        ScaleWarmup: TimeSpan.FromSeconds(1),
        ScalePacedWarmup: TimeSpan.FromMilliseconds(500),
        ScalePacedDuration: TimeSpan.FromSeconds(3),
        ScalePacedRounds: 6,
        RuntimeTells: 5_000_000,
        RuntimePingPongs: 100_000);

    /// <summary>CI smoke mode: every measurement runs, with counts that keep the whole run under a minute.</summary>
    public static BenchCounts QuickCounts { get; } = new(
        Warmup: TimeSpan.FromMilliseconds(200),
        Rounds: 2,
        RoundTrips: 2_000,
        BulkBytes: 32L << 20,
        SmallMessages: 100_000,
        ScaleRoundTripsPerClient: 5,
        ScaleWarmup: TimeSpan.FromMilliseconds(100),
        ScalePacedWarmup: TimeSpan.FromMilliseconds(200),
        ScalePacedDuration: TimeSpan.FromMilliseconds(500),
        ScalePacedRounds: 2,
        RuntimeTells: 200_000,
        RuntimePingPongs: 5_000);
}
