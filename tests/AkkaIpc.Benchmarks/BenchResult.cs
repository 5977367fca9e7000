namespace AkkaIpc.Benchmarks;

/// <summary>One named measurement and its figures, in the order they were added.</summary>
internal sealed class BenchResult
{
    private readonly List<KeyValuePair<string, double>> _figures = [];

    public BenchResult(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, double>> Figures => _figures;

    /// <summary>Free-form remarks for the table and the markdown, after the figures; not part of the JSON figures.</summary>
    public string? Note { get; init; }

    public BenchResult With(string figure, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new InvalidOperationException($"{Name}: figure {figure} is not a number ({value})");
        _figures.Add(new(figure, value));
        return this;
    }

    public double? Get(string figure)
    {
        foreach (var f in _figures)
        {
            if (f.Key == figure)
                return f.Value;
        }

        return null;
    }
}
