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
