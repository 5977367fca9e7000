using System.Text;
using System.Threading.Channels;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// Reads standard input line by line on a background thread and posts <see cref="InputLine"/>s, then one
/// <see cref="InputEnded"/>, to the node's inbox. A thread, not async reads: reads of the console streams
/// block a thread anyway, and a background thread does not keep the process alive at exit.
/// </summary>
internal static class StdinLines
{
    public static void Start(ChannelWriter<NodeEvent> inbox)
    {
        var thread = new Thread(() => Pump(inbox)) { IsBackground = true, Name = "stdin" };
        thread.Start();
    }

    private static void Pump(ChannelWriter<NodeEvent> inbox)
    {
        try
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            while (reader.ReadLine() is { } line)
            {
                inbox.TryWrite(new NodeEvent(new InputLine(line), null));
            }
        }
        catch (IOException)
        {
            // A broken stdin ends the input like end of file does; the socket side is unaffected.
        }

        inbox.TryWrite(new NodeEvent(InputEnded.Instance, null));
    }
}
