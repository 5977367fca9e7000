namespace AkkaIpc.Node.Hosting;

/// <summary>One line read from standard input, without its line break.</summary>
/// <param name="Text">The line.</param>
/// <param name="Bytes">What it takes on the wire (UTF-8 plus the line break or frame header), entered in the
/// <see cref="InputWindow"/> before the line was posted.</param>
internal sealed record InputLine(string Text, int Bytes);

/// <summary>Standard input reached its end (or failed).</summary>
internal sealed record InputEnded
{
    public static readonly InputEnded Instance = new();
}

/// <summary>
/// Standard input had a line longer than one write can carry: the reading stopped there (nothing of that line is
/// sent), and the chat ends with error 108 once the lines before it are delivered.
/// </summary>
/// <param name="LineNumber">The line's number, counting from 1.</param>
/// <param name="Limit">The limit it broke.</param>
internal sealed record InputTooLong(long LineNumber, LineLimit Limit);
