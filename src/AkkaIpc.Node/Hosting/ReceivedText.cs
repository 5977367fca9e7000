using System.Text;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// The text of one connection's received bytes. The socket hands over bytes as they arrive, so a multi-byte UTF-8
/// character can be split between two <c>Received</c> events; the decoder keeps the first bytes of such a character
/// until the rest arrives, where decoding each chunk alone would print U+FFFD twice. One per connection: bytes of one
/// peer must never complete a character of another. Bytes that are not UTF-8 still print as U+FFFD.
/// </summary>
internal sealed class ReceivedText
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();

    /// <summary>The text the bytes complete; empty when they end inside a character that the next bytes finish.</summary>
    public string Decode(ReadOnlySpan<byte> data)
    {
        var text = new char[_decoder.GetCharCount(data, flush: false)];
        var count = _decoder.GetChars(data, text, flush: false);
        return new string(text, 0, count);
    }

    /// <summary>Forgets a started character: the connection it came from is gone.</summary>
    public void Reset() => _decoder.Reset();
}
