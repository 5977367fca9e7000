using System.Text;
using System.Threading.Channels;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// Reads standard input line by line on a background thread and posts <see cref="InputLine"/>s, then one
/// <see cref="InputEnded"/>, to the node's inbox. Each line's bytes enter the <see cref="InputWindow"/> first, so
/// the thread stops reading while the chat waits for acknowledgements. A thread, not async reads: reads of the
/// console streams block a thread anyway, and a background thread does not keep the process alive at exit.
/// </summary>
internal static class StdinLines
{
    /// <param name="inbox">Where the lines go.</param>
    /// <param name="window">Entered with each line's bytes before it is posted.</param>
    /// <param name="lineOverhead">Bytes a line takes on the wire beyond its UTF-8 text (line break or frame header).</param>
    public static void Start(ChannelWriter<NodeEvent> inbox, InputWindow window, int lineOverhead)
    {
        var thread = new Thread(() => Pump(inbox, window, lineOverhead)) { IsBackground = true, Name = "stdin" };
        thread.Start();
    }

    private static void Pump(ChannelWriter<NodeEvent> inbox, InputWindow window, int lineOverhead)
    {
        try
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            while (reader.ReadLine() is { } line)
            {
                var bytes = Encoding.UTF8.GetByteCount(line) + lineOverhead;
                window.Enter(bytes);
                inbox.TryWrite(new NodeEvent(new InputLine(line, bytes), null));
            }
        }
        catch (IOException)
        {
            // A broken stdin ends the input like end of file does; the socket side is unaffected.
        }

        inbox.TryWrite(new NodeEvent(InputEnded.Instance, null));
    }
}
