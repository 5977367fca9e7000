namespace AkkaIpc.Node.Hosting;

/// <summary>One line read from standard input, without its line break.</summary>
internal sealed record InputLine(string Text);

/// <summary>Standard input reached its end (or failed).</summary>
internal sealed record InputEnded
{
    public static readonly InputEnded Instance = new();
}
