namespace AkkaIpc.Node.Hosting;

/// <summary>
/// Line output of the node. Every line is written and flushed whole, so a reader of a pipe (a test, the
/// demo's parent) never sees half a line, and lines from several threads never interleave.
/// </summary>
internal static class ConsoleOutput
{
    private static readonly object Gate = new();

    public static void Line(string text)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(text);
            Console.Out.Flush();
        }
    }

    public static void ErrorLine(string text)
    {
        // One line, always: a message with a line break would break the one-line contract of EXIT-CODES.md.
        var oneLine = text.ReplaceLineEndings(" ").Replace('\t', ' ');
        lock (Gate)
        {
            Console.Error.WriteLine(oneLine);
            Console.Error.Flush();
        }
    }
}
