using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>One run of the program: its options, the results so far, and the failures (reported, never hidden).</summary>
internal sealed class BenchRun
{
    private readonly BenchOptions _options;
    private readonly List<BenchResult> _results = [];
    private readonly Dictionary<string, string> _failures = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public BenchRun(BenchOptions options) => _options = options;

    public BenchCounts Counts => _options.Counts;

    public int ScaleRate => _options.ScaleRate;

    public IReadOnlyList<BenchResult> Results => _results;

    public IReadOnlyDictionary<string, string> Failures => _failures;

    public bool Selects(string resultName) => _options.Selects(resultName);

    public bool SelectsGroup(string prefix) => _options.SelectsGroup(prefix);

    public void Add(BenchResult result)
    {
        _results.Add(result);
        Log($"{result.Name}: {string.Join("  ", result.Figures.Select(f => $"{f.Key}={ResultTable.Format(f.Value)}"))}");
    }

    public void Fail(string name, Exception e)
    {
        _failures[name] = e is LayerMissingException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        Log(e is LayerMissingException ? $"{name}: FAILED: {e.Message}" : $"{name}: FAILED: {e}");
    }

    public void Log(string line) => Console.WriteLine($"  [{_clock.Elapsed.TotalSeconds,6:0.0} s] {line}");
}
