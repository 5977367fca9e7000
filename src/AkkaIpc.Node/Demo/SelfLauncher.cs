using System.Diagnostics;

namespace AkkaIpc.Node.Demo;

/// <summary>
/// Starts another process of this same executable: the apphost directly, or <c>dotnet akka-ipc.dll</c>
/// when this process itself runs under the <c>dotnet</c> host.
/// </summary>
internal static class SelfLauncher
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var info = new ProcessStartInfo { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            info.FileName = host;
            info.ArgumentList.Add(typeof(SelfLauncher).Assembly.Location);
        }
        else
        {
            info.FileName = host;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
