namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// Captures what in-process node code prints on stdout, for the tests of the collection of this name (run one at a
/// time: the console is process-wide).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture : IDisposable
{
    public const string Name = "console";

    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _captured = new();
    private readonly TextWriter _synchronized;

    public ConsoleCapture()
    {
        _synchronized = TextWriter.Synchronized(_captured);
        Console.SetOut(_synchronized);
    }

    public string Text
    {
        get
        {
            // The synchronized writer locks itself around each write.
            lock (_synchronized)
            {
                return _captured.ToString();
            }
        }
    }

    public void Dispose()
    {
        Console.SetOut(_original);
        _captured.Dispose();
    }
}
