using System.Security.Cryptography;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>A fresh short socket path under the temp directory, removed again on dispose.</summary>
internal sealed class TempSocketPath : IDisposable
{
    public TempSocketPath()
    {
        Value = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aipc-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.sock");
    }

    public string Value { get; }

    public override string ToString() => Value;

    public void Dispose()
    {
        try
        {
            File.Delete(Value);
        }
        catch (IOException)
        {
            // Removed already or never created; nothing else can hold this random name.
        }
    }
}
