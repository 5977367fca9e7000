using System.Reflection;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// Finds the built <c>akka-ipc.dll</c>: the test project references the node project without using its
/// assembly, so the build puts it in the node project's own output directory, for the same configuration.
/// </summary>
internal static class NodeBinary
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string Path => Dll.Value;

    private static string Locate()
    {
        var configuration = typeof(NodeBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = RepoFiles.Path(System.IO.Path.Combine("src", "AkkaIpc.Node", "bin", configuration, "net10.0", "akka-ipc.dll"));
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the node first (dotnet build)", dll);
    }
}
