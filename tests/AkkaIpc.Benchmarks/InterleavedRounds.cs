namespace AkkaIpc.Benchmarks;

/// <summary>
/// The shape every side-by-side suite shares: start and warm up each selected contender on its own (a failure
/// drops only that one), then cut the measured units into rounds whose order rotates each round, so a change in
/// the machine's load during the run falls on every contender alike; finally report the survivors and dispose all.
/// </summary>
internal static class InterleavedRounds
{
    /// <summary>One contender under measurement: what its measured phases cost and how long they took.</summary>
    public sealed class Entry<TSide>(string name, TSide side)
    {
        public string Name { get; } = name;

        public TSide Side { get; } = side;

        public PhaseCost Cost { get; } = new();

        /// <summary>The measured phases' time, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
        public long Ticks { get; set; }
    }

    /// <param name="run">The run: selection, counts (rounds), failures, log.</param>
    /// <param name="candidates">Result name and factory of each contender.</param>
    /// <param name="prepare">Starts and warms up one contender.</param>
    /// <param name="units">Measured units per contender in total.</param>
    /// <param name="phase">Runs one share of the measured units.</param>
    /// <param name="report">Reports one contender that finished every round.</param>
    public static async Task RunAsync<TSide>(
        BenchRun run,
        IEnumerable<(string Name, Func<TSide> Create)> candidates,
        Func<Entry<TSide>, Task> prepare,
        long units,
        Func<Entry<TSide>, long, ValueTask> phase,
        Action<Entry<TSide>> report)
        where TSide : class, IAsyncDisposable
    {
        var active = new List<Entry<TSide>>();
        try
        {
            foreach (var (name, create) in candidates)
            {
                if (!run.Selects(name))
                    continue;
                TSide? side = null;
                try
                {
                    side = create();
                    var entry = new Entry<TSide>(name, side);
                    await prepare(entry).ConfigureAwait(false);
                    active.Add(entry);
                    run.Log($"{name}: connected and warmed up");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    run.Fail(name, e);
                    if (side is not null)
                        await side.DisposeAsync().ConfigureAwait(false);
                }
            }

            var rounds = run.Counts.Rounds;
            var failed = new HashSet<Entry<TSide>>();
            for (var round = 0; round < rounds; round++)
            {
                var share = units / rounds + (round == rounds - 1 ? units % rounds : 0);
                for (var k = 0; k < active.Count; k++)
                {
                    var entry = active[(k + round) % active.Count];
                    if (failed.Contains(entry))
                        continue;
                    try
                    {
                        entry.Ticks += await entry.Cost.MeasureAsync(() => phase(entry, share)).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failed.Add(entry);
                        run.Fail(entry.Name, e);
                    }
                }
            }

            foreach (var entry in active.Where(e => !failed.Contains(e)))
                report(entry);
        }
        finally
        {
            foreach (var entry in active)
                await entry.Side.DisposeAsync().ConfigureAwait(false);
        }
    }
}
