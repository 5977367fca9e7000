using System.Text;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// Reads standard input line by line on a background thread and posts <see cref="InputLine"/>s, then one
/// <see cref="InputEnded"/>, to the node's inbox. Each line's bytes enter the <see cref="InputWindow"/> first, so
/// the thread stops reading while the chat waits for acknowledgements. A line longer than the <see cref="LineLimit"/>
/// ends the reading with <see cref="InputTooLong"/> as soon as it is seen to be too long: memory holds at most one
/// line of the limit, never the whole line. A thread, not async reads: reads of the console streams block a thread
/// anyway, and a background thread does not keep the process alive at exit.
/// </summary>
internal static class StdinLines
{
    private const int ChunkChars = 16 * 1024;

    /// <param name="inbox">Where the lines go.</param>
    /// <param name="window">Entered with each line's bytes before it is posted.</param>
    /// <param name="lineOverhead">Bytes a line takes on the wire beyond its UTF-8 text (line break or frame header).</param>
    /// <param name="limit">The longest line, in UTF-8 bytes.</param>
    public static void Start(EventQueue inbox, InputWindow window, int lineOverhead, LineLimit limit)
    {
        var thread = new Thread(() => Pump(inbox, window, lineOverhead, limit)) { IsBackground = true, Name = "stdin" };
        thread.Start();
    }

    private static void Pump(EventQueue inbox, InputWindow window, int lineOverhead, LineLimit limit)
    {
        var number = 0L;

        // Posts one line; false (and the reading ends) when it is too long.
        bool Post(string text)
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > limit.Bytes)
            {
                inbox.Post(new NodeEvent(new InputTooLong(number + 1, limit), null));
                return false;
            }

            number++;
            window.Enter(bytes + lineOverhead);
            inbox.Post(new NodeEvent(new InputLine(text, bytes + lineOverhead), null));
            return true;
        }

        try
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            var line = new StringBuilder();
            var buffer = new char[ChunkChars];
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                for (var end = chunk.IndexOf('\n'); end >= 0; end = chunk.IndexOf('\n'))
                {
                    line.Append(chunk[..end]);
                    chunk = chunk[(end + 1)..];
                    var text = line.ToString().TrimEnd('\r');
                    line.Clear();
                    if (!Post(text))
                    {
                        return;
                    }
                }

                // Every character is at least one byte: a longer piece is too long already, whatever follows.
                line.Append(chunk);
                if (line.Length > limit.Bytes)
                {
                    Post(line.ToString());
                    return;
                }
            }

            if (line.Length > 0 && !Post(line.ToString()))
            {
                return;
            }
        }
        catch (IOException)
        {
            // A broken stdin ends the input like end of file does; the socket side is unaffected.
        }

        inbox.Post(new NodeEvent(InputEnded.Instance, null));
    }
}
